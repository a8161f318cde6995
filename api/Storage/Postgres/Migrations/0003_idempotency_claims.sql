-- The Idempotency-Keys some replica is deciding right now. A replica claims a key before deciding it and deletes its
-- claim once the decision is logged; a retry reaching another replica meanwhile is told 409 with Retry-After. A claim
-- older than the lease (its replica died) may be taken over.
create table idempotency_claims (
    key text primary key,
    claim uuid not null,
    claimed_at timestamptz not null
);
