-- A decision remembers the client's Idempotency-Key (scoped to the calling key), so that a retry, on any replica
-- and after a restart, gets the logged decision back instead of a second one.
alter table decisions add column idempotency_key text;
alter table decisions add column request_digest text;
alter table decisions add column item_index int;

create index decisions_by_idempotency_key on decisions (idempotency_key) where idempotency_key is not null;
