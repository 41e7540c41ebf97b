-- One row per Idempotency-Key of POST /api/v1/returns: the body's hash, the return it created and,
-- once answered, the answer itself, so a repeated request gets the same answer and never a second return.
CREATE TABLE return_request_idempotency (
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    return_id       VARCHAR(64)  NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    answered_at     TIMESTAMPTZ,
    CONSTRAINT return_request_idempotency_pk PRIMARY KEY (idempotency_key)
);
