-- Signed checkpoints of the two chains, kept so that they can be listed; auditors keep their own copies.
-- The record is the checkpoint's JSON without its number, which is the sequence here.
create table checkpoints (
    seq bigint generated always as identity primary key,
    record text not null
);
