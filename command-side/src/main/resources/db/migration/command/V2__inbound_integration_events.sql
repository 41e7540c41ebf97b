-- One row per signed webhook message, keyed by the sender's event id: a repeat is recognised and never sent
-- to the return twice. The raw body is kept as signed, so a parked message can be applied later and anyone
-- can check what the sender really said.
--   state RECEIVED: being applied (a row left here longer than the in-flight timeout is taken up again)
--         APPLIED:  the return took it (or it needed no command, or the return treated it as a repeat)
--         PARKED:   it came too early for the return; retried when the return moves on
--         REJECTED: refused for good (last_error_code says why)
CREATE TABLE inbound_integration_event (
    system             VARCHAR(20)  NOT NULL,
    event_id           VARCHAR(200) NOT NULL,
    arrival            BIGINT GENERATED ALWAYS AS IDENTITY,
    return_id          VARCHAR(64)  NOT NULL,
    message_type       VARCHAR(40)  NOT NULL,
    payload_sha256     CHAR(64)     NOT NULL,
    body               BYTEA        NOT NULL,
    state              VARCHAR(10)  NOT NULL,
    attempts           INTEGER      NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL,
    last_attempt_at    TIMESTAMPTZ  NOT NULL,
    decided_at         TIMESTAMPTZ,
    last_error_code    VARCHAR(64),
    last_error         VARCHAR(1000),
    -- the return's last event sequence number when it refused the message; the sweep retries the message
    -- only once the return has events past it (NULL: retry on every sweep, e.g. after a technical failure)
    parked_at_sequence BIGINT,
    CONSTRAINT inbound_integration_event_pk PRIMARY KEY (system, event_id),
    CONSTRAINT inbound_integration_event_state_ck CHECK (state IN ('RECEIVED', 'APPLIED', 'PARKED', 'REJECTED'))
);

-- the messages still waiting, per return in arrival order (small: most rows are APPLIED within milliseconds)
CREATE INDEX inbound_integration_event_waiting_idx ON inbound_integration_event (return_id, arrival)
    WHERE state IN ('RECEIVED', 'PARKED');
