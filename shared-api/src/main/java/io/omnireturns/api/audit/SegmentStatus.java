package io.omnireturns.api.audit;

/**
 * One segment of a streaming processor as the token store holds it.
 *
 * @param segment        the segment id
 * @param owner          the instance that claims it, null when unclaimed
 * @param claimedHere    whether the instance answering works on it
 * @param position       the last global index it handled; null before its first event
 * @param replaying      whether it is replaying
 * @param resetPosition  while replaying: the position the replay ends at (where the segment stood at the reset)
 * @param caughtUp       whether it has reached the head; known only for segments claimed here
 * @param error          the error it is stuck on; known only for segments claimed here
 */
public record SegmentStatus(int segment, String owner, boolean claimedHere, Long position, boolean replaying,
                            Long resetPosition, Boolean caughtUp, String error) {
}
