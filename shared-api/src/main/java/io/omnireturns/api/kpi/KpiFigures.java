package io.omnireturns.api.kpi;

/**
 * The business KPIs of one window and channel. Each counts what ended inside the window: refunds issued, stock
 * restated, notifications sent, interventions made, credit memos posted; the exception rate counts returns requested
 * inside it.
 *
 * @param refundCycleTime             return requested to refund issued
 * @param refundLatency               inspection completed to refund issued
 * @param exceptionRate               returns that raised at least one exception, of the returns requested
 * @param inventoryRestatementLatency first receipt to the last inventory adjustment in the ERP
 * @param notificationTimeliness      milestone reached (authorized, label issued, received, refunded, completed, ...)
 *                                    to the customer told of it
 * @param manualInterventions         hold resolutions and exception retries made by people
 * @param erpPostingAccuracy          credit memos whose amount equals the approved refund, of the credit memos posted
 */
public record KpiFigures(DurationKpi refundCycleTime,
                         DurationKpi refundLatency,
                         RatioKpi exceptionRate,
                         DurationKpi inventoryRestatementLatency,
                         DurationKpi notificationTimeliness,
                         InterventionKpi manualInterventions,
                         RatioKpi erpPostingAccuracy) {

    public static KpiFigures none() {
        return new KpiFigures(DurationKpi.none(), DurationKpi.none(), RatioKpi.none(), DurationKpi.none(),
                DurationKpi.none(), InterventionKpi.none(), RatioKpi.none());
    }
}
