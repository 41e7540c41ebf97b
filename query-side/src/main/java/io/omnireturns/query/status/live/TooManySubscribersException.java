package io.omnireturns.query.status.live;

/** The node holds {@code omnireturns.status-updates.max-subscribers} subscriptions already. */
public class TooManySubscribersException extends RuntimeException {

    public static final String CODE = "TOO_MANY_SUBSCRIBERS";

    TooManySubscribersException(int max) {
        super("this node serves " + max + " live subscriptions already; try again later or another node");
    }
}
