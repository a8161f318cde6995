-- Rule-set versions, activations and the change trail keep each record as the JSON the service wrote, beside
-- the columns it queries; the decision log keeps a column per field, because auditors search it.
create table versions (
    name text not null,
    version int not null,
    status text not null,
    hash text not null,
    record text not null,
    primary key (name, version)
);

create table activations (
    seq bigint primary key,
    record text not null
);

create table audit (
    seq bigint primary key,
    rule_set text not null,
    record text not null
);

create table decisions (
    seq bigint primary key,
    id text not null unique,
    decided_at text not null,
    decided_at_ticks bigint not null,
    rule_set text not null,
    version int not null,
    rule_set_hash text not null,
    customer_id text,
    as_of text not null,
    input text not null,
    output text not null,
    previous_hash text not null,
    hash text not null
);

create index decisions_by_customer on decisions (customer_id, seq);
create index decisions_by_time on decisions (decided_at_ticks);
create index decisions_by_rule_set on decisions (rule_set, seq);

-- The head of each hash chain. Every writer, in any replica, locks the row of the chain it extends, so each
-- chain stays one sequence however many replicas write.
create table chain_heads (
    name text primary key,
    seq bigint not null,
    hash text not null
);

insert into chain_heads (name, seq, hash) values
    ('audit', 0, 'sha256:0000000000000000000000000000000000000000000000000000000000000000'),
    ('decisions', 0, 'sha256:0000000000000000000000000000000000000000000000000000000000000000');
