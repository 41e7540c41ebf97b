-- Idempotency-Keys are namespaced per caller: the signed-in principal's name (HTTP Basic user, or the JWT's
-- name claim), never a header a client sets. Two callers may use the same key for different requests; one caller's
-- key still means one request.
ALTER TABLE return_request_idempotency ADD COLUMN caller VARCHAR(255);

-- Rows written before: the caller is who created the return, the actor of its first event ("pos", or "pos on
-- behalf of cashier-17": the part before " on behalf of "). A row without a readable actor (a claim that never
-- created its return) keeps an empty caller: no request matches it. An answered one is purged like any other; an
-- unanswered one (its request died before answering) is never purged, as unanswered claims are not: delete such
-- rows by hand if they matter (SELECT ... WHERE caller = '' AND response_status IS NULL).
-- (a session-local helper: OR REPLACE and the DROP below, as the migration runs on a pooled connection)
CREATE OR REPLACE FUNCTION pg_temp.first_actor(p_return_id VARCHAR) RETURNS VARCHAR LANGUAGE plpgsql AS $$
DECLARE
    actor TEXT;
BEGIN
    SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actor' INTO actor
    FROM domainevententry WHERE aggregateidentifier = p_return_id AND sequencenumber = 0;
    actor := split_part(actor, ' on behalf of ', 1);
    -- as the application stores a name longer than the column, or one that starts like such a hash
    RETURN CASE WHEN length(actor) <= 255 AND left(actor, 7) <> 'sha256:' THEN actor
                ELSE 'sha256:' || encode(sha256(convert_to(actor, 'UTF8')), 'hex') END;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL; -- metadata that is not JSON: leave the row to nobody rather than fail the migration
END $$;

UPDATE return_request_idempotency SET caller = coalesce(pg_temp.first_actor(return_id), '');
DROP FUNCTION pg_temp.first_actor(VARCHAR);

ALTER TABLE return_request_idempotency ALTER COLUMN caller SET NOT NULL;
ALTER TABLE return_request_idempotency DROP CONSTRAINT return_request_idempotency_pk;
ALTER TABLE return_request_idempotency
    ADD CONSTRAINT return_request_idempotency_pk PRIMARY KEY (caller, idempotency_key);

-- the retention purge takes answered rows oldest first; unanswered claims are never purged
CREATE INDEX return_request_idempotency_answered_idx ON return_request_idempotency (answered_at)
    WHERE response_status IS NOT NULL;
