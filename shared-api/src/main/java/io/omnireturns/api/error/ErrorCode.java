package io.omnireturns.api.error;

/**
 * The one catalogue of the stable codes a problem answer carries ({@code code} in every RFC 7807 answer): its HTTP
 * status and one line of meaning. The API document's {@code Problem.code} and {@code docs/error-codes.md} are
 * generated from it, and a test keeps every code the API document names in here. Clients branch on the code, never
 * on the detail text.
 */
public enum ErrorCode {

    // ---- the request itself (any endpoint) -----------------------------------------------------------------
    MALFORMED_REQUEST(400, "the body is not valid JSON, or a value has the wrong JSON type or is no constant of its enum"),
    VALIDATION_FAILED(400, "a field breaks its constraints (required, length, range); errors names each field"),
    UNKNOWN_FIELD(400, "the body names a field the operation does not take"),
    DUPLICATE_FIELD(400, "the body gives a field twice"),
    MISSING_HEADER(400, "a required header (such as Idempotency-Key) is missing"),
    MISSING_PARAMETER(400, "a required query parameter is missing"),
    INVALID_PARAMETER(400, "a path or query parameter does not parse or is out of range"),
    INVALID_IDEMPOTENCY_KEY(400, "the Idempotency-Key is not 1 to 200 visible ASCII characters, or given twice"),
    REQUEST_REJECTED(400, "the URL or a header holds characters the firewall refuses"),
    UNAUTHENTICATED(401, "no valid credentials"),
    ACCESS_DENIED(403, "the caller's role may not call this endpoint"),
    NOT_FOUND(404, "no endpoint has this path"),
    METHOD_NOT_ALLOWED(405, "the path does not take this HTTP method"),
    NOT_ACCEPTABLE(406, "the Accept header allows no JSON answer; nothing was changed"),
    PAYLOAD_TOO_LARGE(413, "the body is larger than the service takes"),
    UNSUPPORTED_MEDIA_TYPE(415, "the body is not application/json"),
    CONCURRENT_MODIFICATION(409, "the same thing changed at the same moment; send the request again"),
    INTERNAL_ERROR(500, "an unexpected failure, logged on the server"),
    DATABASE_UNAVAILABLE(503, "the database cannot be reached; Retry-After says when to try again, and a retry is safe"),
    TOO_MANY_SUBSCRIBERS(503, "the node holds its maximum of status streams; Retry-After says when to try again"),

    // ---- scope and idempotency ----------------------------------------------------------------------------
    STORE_NOT_IN_SCOPE(403, "a store outside the caller's scope"),
    CUSTOMER_NOT_IN_SCOPE(403, "a customer outside the caller's scope"),
    STORE_REQUIRED(400, "a caller working for several stores must name the store"),
    REQUEST_IN_PROGRESS(409, "the first request with this Idempotency-Key is still being answered; retry"),
    IDEMPOTENCY_KEY_REUSED(422, "the Idempotency-Key was used before for another body"),

    // ---- requesting a return ------------------------------------------------------------------------------
    ORDER_NOT_FOUND(422, "the order system knows no such order"),
    CUSTOMER_DOES_NOT_MATCH_ORDER(422, "the order is not the customer's"),
    ORDER_LINE_NOT_FOUND(400, "the order has no such line"),
    DUPLICATE_LINE(400, "an order line appears twice in one request"),
    INVALID_QUANTITY(400, "a quantity that is not positive"),
    STORE_ID_REQUIRED(400, "a store return names its store"),
    REPLACEMENT_SKU_REQUIRED(400, "an exchange names the replacement SKU of every line"),
    RETURN_HAS_NO_LINES(400, "a return, receipt or inspection with no lines"),
    QUOTE_NOT_FOUND(404, "no such quote, or not one the caller may see"),
    QUOTE_EXPIRED(422, "the quote is past its validUntil; ask for a new one"),
    QUOTE_FOR_ANOTHER_ORDER(422, "the quote was given for another order"),
    QUOTE_DOES_NOT_COVER_LINES(422, "the quote did not price these lines, reasons, replacements or quantities"),
    QUOTE_OPTION_UNAVAILABLE(422, "the quote does not offer the chosen refund method"),
    TAX_SERVICE_UNAVAILABLE(503, "a quote needs the tax service's figures and it did not give them in time (down, "
            + "too slow or refusing); no quote was kept, Retry-After says when to ask again"),
    REPLACEMENT_OUT_OF_STOCK(422, "an exchange's replacement is not in stock in the quantity wanted"),
    DECISION_DOES_NOT_MATCH_REQUEST(400, "an eligibility decision that does not cover exactly the requested lines"),
    KEPT_LINES_DO_NOT_MATCH(400, "a keep-it decision for a line not authorized, or not for its whole authorized quantity"),
    GIFT_RECIPIENT_REQUIRED(400, "a gift return names the recipient's e-mail"),
    GIFT_RETURN_NEEDS_STORE_CREDIT(422, "a gift return is refunded in store credit or a gift card, never to the buyer's tenders"),
    GIFT_CARD_NOT_OFFERED(422, "the policy offers no gift card for this return (omnireturns.policy.gift-card.*)"),

    // ---- one return ---------------------------------------------------------------------------------------
    RETURN_NOT_FOUND(404, "no such return, or not one the caller may handle"),
    RETURN_NOT_FOUND_AT_INSTANT(404, "the return did not exist yet at the instant asked for"),
    RETURN_IS_TERMINAL(409, "the return is over (REJECTED, COMPLETED, CANCELLED or EXPIRED)"),
    ILLEGAL_TRANSITION(409, "the return cannot do this in its current status"),
    RETURN_NOT_CANCELLABLE(409, "something was received already, or the return is over"),
    RETURN_NOT_EXPIRABLE(409, "only a return still waiting for its parcel expires"),
    RETURN_NOT_COMPLETABLE(409, "a step the completion needs is still outstanding"),
    LOCATION_REQUIRED(400, "a receipt names the location that received the items"),
    LINE_NOT_AUTHORIZED(422, "a receipt for a line that was not authorized"),
    RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED(422, "more items received than were authorized"),
    GRADE_AND_DISPOSITION_REQUIRED(400, "an inspected line needs a grade and a disposition"),
    LINE_NOT_RECEIVED(422, "an inspection of a line with nothing received"),
    LINE_ALREADY_INSPECTED(409, "the line is inspected already"),
    INSPECTION_QUANTITY_MISMATCH(422, "accepted and rejected quantities do not add up to what was received"),
    LINE_NOT_INSPECTED(409, "stock moved for a line not inspected yet"),
    DISPOSITION_MISMATCH(422, "stock moved under another disposition than inspection decided"),
    INVENTORY_EXCEEDS_RECEIVED(422, "more stock moved than was received"),

    // ---- the refund ---------------------------------------------------------------------------------------
    REFUND_BEFORE_INSPECTION(409, "a refund is decided only after inspection"),
    REFUND_ALREADY_APPROVED(409, "the refund of this return is decided already"),
    EARLY_REFUND_NOT_ALLOWED(422, "a refund before inspection is only for a money refund of a trusted customer's parcel in transit"),
    REFUND_NOT_APPROVED(409, "the refund of this return is not decided yet"),
    REFUND_EXCEEDS_ACCEPTED(422, "a refund for more items than inspection accepted"),
    REFUND_AMOUNT_MISMATCH(422, "an amount that differs from the approved refund"),
    CURRENCY_MISMATCH(422, "an amount in another currency than the order's"),
    INVALID_CURRENCY(422, "a currency that is not an ISO 4217 code"),
    CREDIT_MEMO_ALREADY_POSTED(409, "a credit memo is posted already"),
    CREDIT_MEMO_AMOUNT_MISMATCH(422, "a credit memo that does not match the refund"),
    REFUND_TAX_MISMATCH(422, "tax figures per jurisdiction that do not sum to the tax the approved refund gives back"),
    NOT_AN_EXCHANGE(422, "a replacement order for a return refunded in money"),

    // ---- holds, exceptions and staff actions --------------------------------------------------------------
    RETURN_ALREADY_ON_HOLD(409, "the return is on hold already"),
    RETURN_NOT_ON_HOLD(409, "the return is not on hold"),
    HOLD_DECISION_NOT_ALLOWED(422, "reject or cancel a hold only before anything was received"),
    REASON_REQUIRED(400, "the action needs a reason"),
    EXCEPTION_NOT_FOUND(404, "no such exception"),
    EXCEPTION_NOT_OPEN(409, "the exception is not open"),
    RETURN_NOT_DECLINABLE(409, "a return is declined only before its refund is decided, never after money was "
            + "approved, requested or paid"),
    DECLINE_REASON_REQUIRED(400, "a decline names its reason code (see the decline reasons)"),
    NOTE_REQUIRED(400, "a note needs text; a decline for reason OTHER needs a note"),
    NOTE_TOO_LONG(400, "a note is longer than allowed (2,000 characters; 500 on a decline)"),
    NOTE_ID_REQUIRED(400, "a note needs an id (its Idempotency-Key)"),
    NOTE_HAS_CONTROL_CHARACTERS(400, "a note is plain text: no control characters but line breaks and tabs"),
    TOO_MANY_NOTES(422, "the return holds the most notes it may (200)"),
    GOODWILL_NOT_ALLOWED(409, "goodwill applies once the return is authorized and before its refund is decided"),
    GOODWILL_ALREADY_GRANTED(409, "goodwill was granted on this return already, with another reason"),

    // ---- finance, audit and operations --------------------------------------------------------------------
    INVALID_PERIOD(400, "a period that is not yyyy-MM"),
    PERIOD_NOT_ENDED(409, "a period is closed only after it ended"),
    PERIOD_ALREADY_CLOSED(409, "the period is closed already"),
    LEDGER_REPLAYING(409, "the finance ledger is being rebuilt; try again shortly"),
    INVALID_TIME_RANGE(400, "a time range whose end is not after its start"),
    TIME_RANGE_TOO_LONG(400, "a time range longer than the endpoint takes"),
    UNKNOWN_PROCESSOR(404, "no event processor of that name"),
    PROCESSOR_NOT_REPLAYABLE(409, "a saga or other processor that must not be replayed"),
    PROCESSOR_CLAIMED_ELSEWHERE(409, "another instance is still working on this processor"),
    REPLAY_IN_PROGRESS(409, "a replay of this processor is running"),
    UNKNOWN_VIEW(404, "no view of that name"),
    VERIFICATION_IN_PROGRESS(409, "a verification of this view is running"),
    VIEW_NOT_CAUGHT_UP(409, "the view has not caught up with the events (e.g. while it replays); try again shortly"),
    KAFKA_PUBLISHING_OFF(409, "Kafka publishing is off on this instance (spring.kafka.bootstrap-servers is not set)"),
    INVALID_TOPIC(400, "a Kafka topic name that is not 1 to 249 of a-z A-Z 0-9 . _ -"),
    REPUBLICATION_IN_PROGRESS(409, "a re-publication to Kafka is running on this instance; follow it, then start the next"),
    UNKNOWN_REPUBLICATION(404, "no re-publication of that id on this instance (the last 20 are kept, until a restart)"),
    REBUILD_IN_PROGRESS(409, "a rebuild of this view is running (on this or another instance)"),
    NO_REBUILD(404, "this view has not been rebuilt yet"),
    NO_REBUILD_RUNNING(409, "no rebuild of this view is running: nothing to cancel"),

    // ---- partner webhooks ---------------------------------------------------------------------------------
    UNKNOWN_INTEGRATION(404, "no partner system of that name"),
    INVALID_SIGNATURE(401, "the webhook's signature does not match"),
    TIMESTAMP_OUT_OF_TOLERANCE(401, "the webhook's timestamp is too far from now"),
    UNKNOWN_RETURN(422, "the partner's message names a return the service does not know"),

    // ---- outbound webhooks --------------------------------------------------------------------------------
    INVALID_WEBHOOK_URL(400, "a subscription URL that is not an absolute http(s) URL without credentials or fragment"),
    WEBHOOK_URL_NOT_ALLOWED(422, "the allow-list refuses the URL: not https, a host not allowed, or an internal "
            + "address"),
    INVALID_WEBHOOK_SECRET(400, "a subscription secret that is not whsec_ and the base64 of 24 to 64 bytes"),
    UNKNOWN_EVENT_TYPE(400, "an event type that is not one of the canonical event types"),
    SUBSCRIPTION_NOT_FOUND(404, "no webhook subscription with that id"),
    DEAD_LETTER_NOT_FOUND(404, "no dead letter with that id (it may have been redelivered already)");

    private final int httpStatus;
    private final String meaning;

    ErrorCode(int httpStatus, String meaning) {
        this.httpStatus = httpStatus;
        this.meaning = meaning;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** One line for people; the API document and docs/error-codes.md show it. */
    public String meaning() {
        return meaning;
    }

    /** The code of a name, if the catalogue has it. */
    public static java.util.Optional<ErrorCode> of(String code) {
        for (ErrorCode candidate : values()) {
            if (candidate.name().equals(code)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
