-- Outbound webhooks: the subscriptions operations registered, and the outbox of their deliveries.

create table webhook_subscription (
    subscription_id            varchar(40)   primary key,
    url                        varchar(2000) not null,
    event_types                text[]        not null,
    description                varchar(200),
    -- the HMAC keys (the decoded whsec_ secrets): never answered, never logged
    secret                     bytea         not null,
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    state                      varchar(16)   not null,
    state_reason               varchar(300),
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null
);

-- One canonical event's body, stored once for all its deliveries: every attempt sends exactly these bytes.
create table webhook_event (
    event_id    varchar(200) primary key,
    event_type  varchar(200) not null,
    return_id   varchar(100) not null,
    sequence    bigint       not null,
    occurred_at timestamptz  not null,
    body        bytea        not null
);

-- The outbox: one row per event and subscription, written in the recording processor's transaction (with its token).
create table webhook_delivery (
    delivery_id     bigserial     primary key,
    subscription_id varchar(40)   not null references webhook_subscription (subscription_id),
    event_id        varchar(200)  not null references webhook_event (event_id),
    return_id       varchar(100)  not null,
    sequence        bigint        not null,
    state           varchar(16)   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    leased_by       varchar(200),
    last_attempt_at timestamptz,
    last_status     int,
    last_error      varchar(500),
    recorded_at     timestamptz   not null,
    delivered_at    timestamptz,
    dead_at         timestamptz,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);

-- the heads of the (subscription, return) queues: what is still to send, in the return's order
create index webhook_delivery_open on webhook_delivery (subscription_id, return_id, sequence, delivery_id)
    where state in ('PENDING', 'DEAD');
-- the delivery log of one subscription, newest first
create index webhook_delivery_log on webhook_delivery (subscription_id, delivery_id desc);
-- the purge: old delivered rows, then events no delivery refers to
create index webhook_delivery_delivered on webhook_delivery (delivered_at) where state = 'DELIVERED';
create index webhook_delivery_event on webhook_delivery (event_id);
