-- The normal state of each external system that the status view shows covered by a failed attempt, a hold,
-- an open exception or a CRM case: kept beside the view (agents never read it) so that a resolved exception
-- shows the state the system would have had without it. NULL while nothing covers a system.

ALTER TABLE return_status_view ADD COLUMN underlying_systems JSONB;
