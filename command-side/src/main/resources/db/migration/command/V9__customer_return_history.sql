-- One row per authorized return, written in the request's own transaction (with its events): the history a
-- customer's trust tier and serial-returner signals are read from. Purchased value is per order, so a customer's
-- rate sums each order once however many of its returns there are.
CREATE TABLE customer_return_history (
    return_id        varchar(64)  PRIMARY KEY,
    customer_id      varchar(128) NOT NULL,
    order_id         varchar(128) NOT NULL,
    currency         char(3)      NOT NULL,
    requested_at     timestamptz  NOT NULL,
    returned_minor   bigint       NOT NULL CHECK (returned_minor >= 0),
    order_minor      bigint       NOT NULL CHECK (order_minor >= 0),
    kept             boolean      NOT NULL DEFAULT false,
    -- refunded at the first carrier scan (issue 15 item 3); false until early refunds are wired
    instant_refund   boolean      NOT NULL DEFAULT false
);

CREATE INDEX customer_return_history_by_customer
    ON customer_return_history (customer_id, currency, requested_at);
