package io.omnireturns.query.status;

import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.architecture.PlainJava;

/**
 * The return events that concern only the external systems, as a status view opened for change takes them: the
 * system's state moves ({@link SystemStatesDraft}) and the timeline tells it; the return's status, lines and money
 * stay as they are. A failed step and the exception queue count among them: they cover a system, not the return.
 * <p>
 * {@link ReturnStatusDraft} extends this class rather than holding it, so {@code draft.on(event, stamp)} still
 * applies every event: the projection, the replay and the tests name each change {@code ReturnStatusDraft::on}.
 */
@PlainJava
abstract class SystemReportsDraft {

    /** What each external system shows, and the exceptions open on them. */
    final SystemStatesDraft systems;
    /** Every event applied, in order; the last is the view's version. */
    final TimelineDraft timeline;

    SystemReportsDraft(SystemStatesDraft systems, TimelineDraft timeline) {
        this.systems = systems;
        this.timeline = timeline;
    }

    void on(ReturnLabelIssued event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(WarehouseAdvised event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(FraudAssessed event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundTaxRequested event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundTaxCalculated event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(CreditMemoPosted event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(LoyaltyAdjusted event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(CustomerNotified event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(StepAttemptFailed event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ExceptionRaised event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(CaseOpened event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ExceptionResolved event, EventStamp stamp) {
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }
}
