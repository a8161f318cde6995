-- A decision's personal data can be erased (retention, or a lawful request): input, output and customer id become
-- null, the row stays, and the content digest its link hash covers is kept, so that the chain still verifies.
alter table decisions alter column input drop not null;
alter table decisions alter column output drop not null;
alter table decisions add column digest text;
alter table decisions add column erased_at text;
alter table decisions add column erased_by bigint;

-- Retention sweeps look for decisions still holding their payload, oldest first.
create index decisions_unerased_by_time on decisions (decided_at_ticks) where erased_at is null;
