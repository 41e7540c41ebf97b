-- The retention purge deletes decided (APPLIED, REJECTED) messages oldest first; parked and in-flight ones stay.
CREATE INDEX inbound_integration_event_decided_idx ON inbound_integration_event (decided_at)
    WHERE state IN ('APPLIED', 'REJECTED');
