-- The canonical status view of every return: the columns agents search by, and the whole view as JSONB.
-- last_sequence is the aggregate sequence number of the last event applied: redelivered and replayed
-- events at or below it are skipped, so the projection is idempotent.

CREATE TABLE return_status_view (
    return_id     VARCHAR(255) NOT NULL,
    order_id      VARCHAR(255) NOT NULL,
    customer_id   VARCHAR(255),
    status        VARCHAR(32)  NOT NULL,
    hold_reason   VARCHAR(64),
    channel       VARCHAR(32)  NOT NULL,
    store_id      VARCHAR(255),
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    document      JSONB        NOT NULL,
    CONSTRAINT return_status_view_pk PRIMARY KEY (return_id)
);

-- searches list newest first; return_id breaks ties so pages never overlap
CREATE INDEX return_status_view_newest_idx ON return_status_view (created_at DESC, return_id);
-- few returns per order or customer: a plain index finds them, sorting them is cheap
CREATE INDEX return_status_view_order_idx ON return_status_view (order_id);
CREATE INDEX return_status_view_customer_idx ON return_status_view (customer_id);
-- many returns per status, channel or store: the index also gives the order, so a page reads only its rows
CREATE INDEX return_status_view_status_idx ON return_status_view (status, created_at DESC, return_id);
CREATE INDEX return_status_view_channel_idx ON return_status_view (channel, created_at DESC, return_id);
CREATE INDEX return_status_view_store_idx ON return_status_view (store_id, created_at DESC, return_id);
