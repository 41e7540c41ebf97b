-- Issue 12: a return's milestones move into its kpi_return row, so the KPI projection writes one row per return per
-- batch instead of one more per milestone (9 row writes per web return became 1-3).
-- reached / notified: milestone name -> instant (ISO-8601, UTC, microseconds), the first one kept, as before.
-- last_notified_at: the latest of the notified instants, so the notification-timeliness query skips returns whose
-- customer was last told before its window.

ALTER TABLE kpi_return
    ADD COLUMN reached          JSONB NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN notified         JSONB NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN last_notified_at TIMESTAMPTZ;

UPDATE kpi_return r
   SET reached = m.reached, notified = m.notified, last_notified_at = m.last_notified_at
  FROM (SELECT return_id,
               COALESCE(jsonb_object_agg(milestone, to_char(reached_at AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) FILTER (WHERE reached_at IS NOT NULL), '{}'::jsonb) AS reached,
               COALESCE(jsonb_object_agg(milestone, to_char(notified_at AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) FILTER (WHERE notified_at IS NOT NULL), '{}'::jsonb) AS notified,
               max(notified_at) AS last_notified_at
          FROM kpi_milestone GROUP BY return_id) m
 WHERE m.return_id = r.return_id;

-- a milestone of a return without a kpi_return row was never reported (the figures join the return's channel)
DROP TABLE kpi_milestone;

CREATE INDEX kpi_return_last_notified_idx ON kpi_return (last_notified_at) WHERE last_notified_at IS NOT NULL;

-- Also issue 12: the status view's document (about 7 kB of JSON late in a return, 2.8 kB compressed) went over the
-- 2 kB TOAST threshold, so each write of it also inserted and deleted out-of-line chunks (about 16 of the 104 rows a
-- return wrote under load). STORAGE MAIN on every variable-length column keeps the row whole: the document is
-- compressed in the row, and nothing is moved out of line unless a row would not fit in a page at all. (MAIN on the
-- document alone is not enough: PostgreSQL first moves the other columns out of line.) Takes effect for every row
-- written from now on.
ALTER TABLE return_status_view
    ALTER COLUMN document SET STORAGE MAIN,
    ALTER COLUMN underlying_systems SET STORAGE MAIN,
    ALTER COLUMN return_id SET STORAGE MAIN,
    ALTER COLUMN order_id SET STORAGE MAIN,
    ALTER COLUMN customer_id SET STORAGE MAIN,
    ALTER COLUMN status SET STORAGE MAIN,
    ALTER COLUMN hold_reason SET STORAGE MAIN,
    ALTER COLUMN channel SET STORAGE MAIN,
    ALTER COLUMN store_id SET STORAGE MAIN;
