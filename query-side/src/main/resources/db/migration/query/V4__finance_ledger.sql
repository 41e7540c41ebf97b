-- The finance ledger: every financial booking of every return, per accounting period, and the periods finance
-- closed with the report frozen at closing time.

-- What later events of a return need to be booked (order lines valued net of promotions, the approved refund,
-- the refunds, credit memos and stock movements already seen), as JSONB. last_sequence is the aggregate sequence
-- number of the last event applied: redelivered and replayed events at or below it change nothing.
CREATE TABLE finance_return (
    return_id     VARCHAR(255) NOT NULL,
    order_id      VARCHAR(255) NOT NULL,
    channel       VARCHAR(32)  NOT NULL,
    currency      CHAR(3)      NOT NULL,
    refund_method VARCHAR(32)  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    state         JSONB        NOT NULL,
    CONSTRAINT finance_return_pk PRIMARY KEY (return_id)
);

-- One row per booking: an event gives one or more parts (a refund one per tender, a credit memo its parts).
-- event_period is the period of the event's timestamp, booked_period the period it counts in: the same, unless
-- event_period was already closed when the ledger saw the event (then the first open period after it).
-- Amounts are minor units of the row's currency; never summed across currencies.
CREATE TABLE finance_entry (
    return_id       VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    part            INTEGER      NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    booked_period   CHAR(7)      NOT NULL,
    event_period    CHAR(7)      NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    order_id        VARCHAR(255) NOT NULL,
    channel         VARCHAR(32)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    quantity        INTEGER,
    order_line_id   VARCHAR(255),
    sku             VARCHAR(255),
    disposition     VARCHAR(32),
    location_id     VARCHAR(255),
    tender_id       VARCHAR(255),
    tender_type     VARCHAR(32),
    reference       VARCHAR(255),
    -- the return lines a whole refund, credit memo or exchange covers, as a JSON array of order line ids
    covered_lines   TEXT,
    CONSTRAINT finance_entry_pk PRIMARY KEY (return_id, sequence_number, part),
    CONSTRAINT finance_entry_period_ck CHECK (booked_period >= event_period)
);

-- a period's report reads its bookings, then every booking of the returns it touched (the primary key)
CREATE INDEX finance_entry_booked_period_idx ON finance_entry (booked_period, return_id);

-- A closed period and the report frozen when it was closed. Never deleted, not even by a replay: bookings of a
-- closed period stay as they were, and a replayed event that has its booking there is not booked again.
CREATE TABLE finance_period (
    period    CHAR(7)      NOT NULL,
    closed_at TIMESTAMPTZ  NOT NULL,
    closed_by VARCHAR(255),
    report    JSONB        NOT NULL,
    CONSTRAINT finance_period_pk PRIMARY KEY (period)
);
