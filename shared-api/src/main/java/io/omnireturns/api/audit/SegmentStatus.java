package io.omnireturns.api.audit;

/**
 * One segment of a streaming processor as the token store holds it.
 *
 * @param segment        the segment id
 * @param owner          the instance that claims it, null when unclaimed
 * @param claimedHere    whether the instance answering works on it
 * @param position       the last global index it handled, null before its first event: the processor's own for a
 *                       segment claimed here, the stored token's otherwise (which an idle segment may leave behind)
 * @param replaying      whether it is replaying and not yet back where it stood at the reset
 * @param resetPosition  where it stood at the reset, while it carries a replay token
 * @param caughtUp       Axon's flag that it has read up to the head once (events may still wait in its queue);
 *                       known only for segments claimed here
 * @param error          the error it is stuck on; known only for segments claimed here
 */
public record SegmentStatus(int segment, String owner, boolean claimedHere, Long position, boolean replaying,
                            Long resetPosition, Boolean caughtUp, String error) {
}
