package io.omnireturns.console.portal.tracking;

import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.console.portal.shell.PortalShopper;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * A shopper's return from the status view: theirs only (another customer's, or for a guest another order's, is
 * answered as missing), and its carrier label once the carrier issued one.
 */
@Component
public class ShopperReturns {

    /** The carrier's label: its tracking number (the label reference) and the carrier. */
    public record Label(String trackingNumber, String carrier) {
    }

    private static final Set<ReturnStatus> NO_LABEL = Set.of(ReturnStatus.REQUESTED, ReturnStatus.REJECTED,
            ReturnStatus.CANCELLED, ReturnStatus.EXPIRED);

    private final ReturnStatusProjection statusView;

    ShopperReturns(ReturnStatusProjection statusView) {
        this.statusView = statusView;
    }

    public Optional<ReturnStatusView> find(String returnId, PortalShopper shopper) {
        if (returnId == null || returnId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(statusView.handle(new FindReturnStatus(returnId))).filter(shopper::owns);
    }

    /** The label, when the carrier issued one and the parcel can still be sent. */
    public static Optional<Label> label(ReturnStatusView view) {
        if (NO_LABEL.contains(view.status())) {
            return Optional.empty();
        }
        return view.systems().stream().filter(system -> system.system() == ExternalSystem.CARRIER)
                .filter(system -> system.reference() != null && !system.reference().isBlank())
                .findFirst().map(ShopperReturns::labelOf);
    }

    private static Label labelOf(SystemStateView carrier) {
        return new Label(carrier.reference(), carrier.detail());
    }
}
