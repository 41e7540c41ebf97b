package io.omnireturns.query.status;

import java.time.Instant;

/** Which event of a return is being applied: its sequence number in the return, when it happened, its name. */
record EventStamp(long sequenceNumber, Instant at, String eventName) {
}
