-- Quotes shown to a shopper before a return is requested (POST /api/v1/returns/quotes). The document is the quote as
-- answered together with what it was asked for and the replacement prices it was priced with, so a return requested
-- with the quote is decided at no less than it said. Quote ids are numbered (QUO-000001, ...) from the sequence.
CREATE SEQUENCE return_quote_number_seq;

CREATE TABLE return_quote (
    quote_id    VARCHAR(64)  NOT NULL,
    order_id    VARCHAR(64)  NOT NULL,
    customer_id VARCHAR(64),
    quoted_at   TIMESTAMPTZ  NOT NULL,
    valid_until TIMESTAMPTZ  NOT NULL,
    document    TEXT         NOT NULL,
    CONSTRAINT return_quote_pk PRIMARY KEY (quote_id)
);

CREATE INDEX return_quote_valid_until_idx ON return_quote (valid_until);
