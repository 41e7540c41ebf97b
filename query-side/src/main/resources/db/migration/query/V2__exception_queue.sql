-- The exception queue: every step of a return that exhausted its retries (or was refused for good), open until
-- operations retry it or a person resolves the return's hold. Idempotent per row: last_sequence is the aggregate
-- sequence number of the last event applied to the row; redelivered and replayed events at or below it change
-- nothing.

CREATE TABLE exception_queue (
    exception_id  VARCHAR(255) NOT NULL,
    return_id     VARCHAR(255) NOT NULL,
    order_id      VARCHAR(255),
    customer_id   VARCHAR(255),
    step          VARCHAR(32)  NOT NULL,
    step_key      VARCHAR(255) NOT NULL,
    system        VARCHAR(32)  NOT NULL,
    failure_code  VARCHAR(255),
    message       TEXT,
    attempts      INTEGER      NOT NULL,
    raised_at     TIMESTAMPTZ  NOT NULL,
    case_id       VARCHAR(255),
    state         VARCHAR(16)  NOT NULL,
    resolution    VARCHAR(32),
    resolved_by   VARCHAR(255),
    resolved_at   TIMESTAMPTZ,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT exception_queue_pk PRIMARY KEY (exception_id),
    CONSTRAINT exception_queue_state_ck CHECK (state IN ('OPEN', 'RESOLVED'))
);

-- operations list by state (mostly OPEN), optionally per system, newest first; the index also gives the order
CREATE INDEX exception_queue_state_idx ON exception_queue (state, raised_at DESC, exception_id DESC);
CREATE INDEX exception_queue_system_idx ON exception_queue (system, state, raised_at DESC, exception_id DESC);
-- few exceptions per return: a plain index finds them, sorting them is cheap
CREATE INDEX exception_queue_return_idx ON exception_queue (return_id);

-- The order and customer of every return, from its request, so that an exception raised later names them
-- without reading another projection's tables (each projection is replayed on its own).
CREATE TABLE exception_queue_return (
    return_id   VARCHAR(255) NOT NULL,
    order_id    VARCHAR(255) NOT NULL,
    customer_id VARCHAR(255),
    CONSTRAINT exception_queue_return_pk PRIMARY KEY (return_id)
);
