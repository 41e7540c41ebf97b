-- The returns-analytics feed (ReturnsAnalyticsProjection): one row per line of every return, from the canonical
-- io.omnireturns.return.initiated.v1 event, dated by the day (UTC) the return was asked for. BI tools read the daily
-- aggregates of GET /api/v1/analytics/returns (CSV or JSON) or this table directly. Writes are idempotent (the key),
-- so redelivered and replayed events change nothing.

CREATE TABLE analytics_return_line (
    return_id        VARCHAR(255) NOT NULL,
    order_line_id    VARCHAR(255) NOT NULL,
    day              DATE         NOT NULL,
    channel          VARCHAR(32)  NOT NULL,
    store_id         VARCHAR(255),
    reason           VARCHAR(64)  NOT NULL,
    sku              VARCHAR(255),
    category         VARCHAR(255),
    quantity         INTEGER      NOT NULL,
    value_minor      BIGINT,
    currency         VARCHAR(3),
    ordered_quantity INTEGER      NOT NULL,
    CONSTRAINT analytics_return_line_pk PRIMARY KEY (return_id, order_line_id)
);
CREATE INDEX analytics_return_line_day_idx ON analytics_return_line (day);
