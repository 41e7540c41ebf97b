package io.omnireturns.platform.security;

/**
 * Who calls the API. Each role is a kind of caller, not a person: the rules of {@link AccessRules} say what each
 * may do, and a caller's {@link io.omnireturns.api.security.AccessScope} narrows which returns.
 */
public enum Role {
    /** A sales channel system: the web shop, the store POS. */
    CHANNEL,
    /** A person at a store counter; scoped to their own store(s). */
    STORE_ASSOCIATE,
    /** A warehouse or returns centre system: receipts and inspections. */
    WAREHOUSE,
    /** The contact centre: finds returns, requests and cancels them, resolves holds. */
    SERVICE_AGENT,
    /** Finance: the ledger, reconciliation and period close. */
    FINANCE,
    /** Internal or external audit: read-only access to history, state as of any instant, exports. */
    AUDITOR,
    /** Whoever runs the service: exception queue, processors, replays, metrics, health details. */
    OPERATIONS,
    /** May do everything any other role may do. */
    ADMIN;

    /** The authority Spring Security checks ({@code ROLE_} prefix). */
    public String authority() {
        return "ROLE_" + name();
    }
}
