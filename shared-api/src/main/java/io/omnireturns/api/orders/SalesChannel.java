package io.omnireturns.api.orders;

/** Where an order was placed, or where a return is started. */
public enum SalesChannel {
    WEB,
    STORE,
    CONTACT_CENTRE,
    MARKETPLACE
}
