-- Each decision records the trace it was made in and the configured name of the API key that asked for it.
-- Rows logged before have neither: both stay null there, and their digests never covered them.
alter table decisions add column trace_id text;
alter table decisions add column caller text;
