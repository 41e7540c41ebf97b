-- The KPI base: per return the instants of its milestones and the amounts finance compares, per milestone when it
-- was reached and when the customer was told, and every manual intervention. Percentiles are computed from these
-- rows at query time (percentile_cont), so any window and channel can be asked for.
-- Every write is idempotent without a sequence check: first instants are kept (COALESCE), the last inventory
-- adjustment wins (GREATEST), interventions are keyed by the event's sequence number.

CREATE TABLE kpi_return (
    return_id                VARCHAR(255) NOT NULL,
    channel                  VARCHAR(32)  NOT NULL,
    requested_at             TIMESTAMPTZ  NOT NULL,
    received_at              TIMESTAMPTZ,
    inspection_completed_at  TIMESTAMPTZ,
    refund_issued_at         TIMESTAMPTZ,
    inventory_adjusted_at    TIMESTAMPTZ,
    exception_raised_at      TIMESTAMPTZ,
    approved_refund_minor    BIGINT,
    approved_refund_currency VARCHAR(3),
    credit_memo_minor        BIGINT,
    credit_memo_currency     VARCHAR(3),
    credit_memo_posted_at    TIMESTAMPTZ,
    CONSTRAINT kpi_return_pk PRIMARY KEY (return_id)
);
CREATE INDEX kpi_return_requested_idx ON kpi_return (requested_at);
CREATE INDEX kpi_return_refund_issued_idx ON kpi_return (refund_issued_at) WHERE refund_issued_at IS NOT NULL;
CREATE INDEX kpi_return_inventory_idx ON kpi_return (inventory_adjusted_at) WHERE inventory_adjusted_at IS NOT NULL;
CREATE INDEX kpi_return_credit_memo_idx ON kpi_return (credit_memo_posted_at) WHERE credit_memo_posted_at IS NOT NULL;

CREATE TABLE kpi_milestone (
    return_id   VARCHAR(255) NOT NULL,
    milestone   VARCHAR(64)  NOT NULL,
    reached_at  TIMESTAMPTZ,
    notified_at TIMESTAMPTZ,
    CONSTRAINT kpi_milestone_pk PRIMARY KEY (return_id, milestone)
);
CREATE INDEX kpi_milestone_notified_idx ON kpi_milestone (notified_at) WHERE notified_at IS NOT NULL;

CREATE TABLE kpi_intervention (
    return_id       VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT kpi_intervention_pk PRIMARY KEY (return_id, sequence_number),
    CONSTRAINT kpi_intervention_kind_ck CHECK (kind IN ('HOLD_RESOLUTION', 'EXCEPTION_RETRY'))
);
CREATE INDEX kpi_intervention_occurred_idx ON kpi_intervention (occurred_at);
