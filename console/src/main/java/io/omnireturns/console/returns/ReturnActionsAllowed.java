package io.omnireturns.console.returns;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.security.Role;

import java.util.Set;

import static io.omnireturns.platform.security.Role.*;

/**
 * Which staff actions the return page offers: the caller's roles may do it (as {@code ConsoleRoutes} admits the
 * action's POST route) and the return's state allows it. Only what to show: the routes and the return enforce it.
 */
public record ReturnActionsAllowed(boolean hold, boolean resolveHold, boolean cancel, boolean decline,
                                   boolean goodwill, boolean note) {

    static ReturnActionsAllowed of(Caller caller, ReturnStatusView view) {
        Set<Role> roles = caller.roles();
        boolean open = !view.status().isTerminal();
        boolean onHold = view.status() == ReturnStatus.ON_HOLD;
        boolean refundDecided = view.refund() != null && view.refund().approvedAt() != null;
        return new ReturnActionsAllowed(
                open && !onHold && any(roles, SERVICE_AGENT, OPERATIONS),
                onHold && any(roles, SERVICE_AGENT, OPERATIONS),
                open && !refundDecided && any(roles, STORE_ASSOCIATE, SERVICE_AGENT),
                open && !refundDecided && any(roles, SERVICE_AGENT),
                open && !refundDecided && any(roles, SERVICE_AGENT),
                any(roles, STORE_ASSOCIATE, WAREHOUSE, SERVICE_AGENT, FINANCE, OPERATIONS));
    }

    /** The allowed actions as one short text ("101011"): the page hands it to its live stream. */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (boolean allowed : new boolean[]{hold, resolveHold, cancel, decline, goodwill, note}) {
            key.append(allowed ? '1' : '0');
        }
        return key.toString();
    }

    public boolean any() {
        return hold || resolveHold || cancel || decline || goodwill || note;
    }

    private static boolean any(Set<Role> roles, Role... allowed) {
        if (roles.contains(ADMIN)) {
            return true;
        }
        for (Role role : allowed) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
