package io.omnireturns.command.orchestration;

/** What the customer is told at each milestone of the return. */
final class Milestones {

    private Milestones() {
    }

    static String message(String milestone) {
        return switch (milestone) {
            case ReturnProcessSaga.AUTHORIZED -> "Your return is approved.";
            case ReturnProcessSaga.LABEL_ISSUED -> "Your return is approved; your return label is ready.";
            case ReturnProcessSaga.RECEIVED -> "We have received your return.";
            case ReturnProcessSaga.REFUNDED -> "Your refund is on its way.";
            case ReturnProcessSaga.COMPLETED -> "Your return is complete.";
            case "REJECTED" -> "We are sorry: your return could not be accepted.";
            case "CANCELLED" -> "Your return has been cancelled.";
            case "EXPIRED" -> "Your return has expired: we did not receive the items in time.";
            default -> "Your return has been updated.";
        };
    }
}
