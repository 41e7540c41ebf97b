-- One row per return's process (ReturnProcessManager): its state as JSON, written once per return per event batch
-- with an optimistic version check, and when something next falls due, for the ProcessSweeper of any node.
-- lease_until is written only by the node making a step's call: while it lies ahead, that node is alive and the
-- sweeper leaves the return alone (a slow call is not taken over); the process writer never touches it.
CREATE TABLE return_process (
    return_id   text        PRIMARY KEY,
    state       jsonb       NOT NULL,
    version     bigint      NOT NULL,
    next_due    timestamptz NULL,
    correlation jsonb       NULL,
    finished    boolean     NOT NULL DEFAULT false,
    lease_until timestamptz NULL
);

-- The sweeper's question, every second on every node: what is due now?
CREATE INDEX return_process_next_due_idx ON return_process (next_due) WHERE next_due IS NOT NULL;
