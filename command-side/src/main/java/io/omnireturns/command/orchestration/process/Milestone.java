package io.omnireturns.command.orchestration.process;

/** The moments the customer is told about, each with its message. */
public enum Milestone {
    AUTHORIZED("Your return is approved."),
    LABEL_ISSUED("Your return is approved; your return label is ready."),
    RECEIVED("We have received your return."),
    REFUNDED("Your refund is on its way."),
    COMPLETED("Your return is complete."),
    REJECTED("We are sorry: your return could not be accepted."),
    CANCELLED("Your return has been cancelled."),
    EXPIRED("Your return has expired: we did not receive the items in time.");

    private final String message;

    Milestone(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /**
     * What the customer is told of this milestone of this return. A refund that came to nothing (every item rejected
     * at inspection) still reaches the {@code REFUNDED} milestone, the CRM's cue that the money is settled, but it is
     * not told "Your refund is on its way".
     */
    String messageFor(ReturnFacts facts) {
        if (this == REFUNDED && facts.money.refund != null && !facts.money.refund.total().isPositive()) {
            return NOTHING_DUE;
        }
        return message;
    }

    static final String NOTHING_DUE = "Your return is settled: no refund is due for it.";

    /** After telling the customer of this milestone, the process of the return has nothing left to do. */
    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == CANCELLED || this == EXPIRED;
    }
}
