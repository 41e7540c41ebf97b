-- Issue 16: the rebuild of a view into a shadow table that replaces the live one without downtime
-- (admin.ViewRebuilds). One row per view: the running rebuild, or the last one, as every instance sees it, so any
-- instance answers its progress and takes its cancellation. Which instance runs it is decided by a PostgreSQL
-- advisory lock held for the whole rebuild, not by this row: a rebuild whose instance died loses the lock with its
-- connection, and its row then reads as failed.

CREATE TABLE view_rebuild (
    view_name         VARCHAR(64)  NOT NULL,
    rebuild_id        VARCHAR(64)  NOT NULL,
    phase             VARCHAR(16)  NOT NULL,
    requested_by      VARCHAR(255),
    node              VARCHAR(255),
    started_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ,
    through_index     BIGINT,
    returns_total     BIGINT,
    returns_rebuilt   BIGINT       NOT NULL DEFAULT 0,
    catch_up_passes   INTEGER      NOT NULL DEFAULT 0,
    returns_caught_up BIGINT       NOT NULL DEFAULT 0,
    returns_verified  BIGINT,
    corrected         BIGINT,
    cancel_requested  BOOLEAN      NOT NULL DEFAULT FALSE,
    failure           TEXT,
    differences       JSONB,
    CONSTRAINT view_rebuild_pk PRIMARY KEY (view_name)
);
