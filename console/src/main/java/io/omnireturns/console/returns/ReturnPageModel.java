package io.omnireturns.console.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the return page's fragments read, the same for the page and for its live updates: the view, the actions the
 * caller may take now, the CSRF token for their forms and a fresh note id (the note form's idempotency key).
 */
@Component
class ReturnPageModel {

    /** System states that mean the system is out of step with the return's normal flow. */
    static final Set<String> OUT_OF_STEP = Set.of("FAILED", "RETRYING", "ON_HOLD", "CASE_OPENED");

    private final ReturnStatusProjection statusView;

    ReturnPageModel(ReturnStatusProjection statusView) {
        this.statusView = statusView;
    }

    /** The return's view if the caller may see it; outside the scope it is missing, as in the API. */
    ReturnStatusView visible(String returnId, Caller caller) {
        ReturnStatusView view = statusView.handle(new FindReturnStatus(returnId));
        if (view == null || !caller.scope().permits(view.storeId(), view.customerId())) {
            throw new DomainException(ErrorKind.NOT_FOUND, "RETURN_NOT_FOUND", "No return with id " + returnId + ".");
        }
        return view;
    }

    Map<String, Object> of(ReturnStatusView view, Caller caller, CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("can", ReturnActionsAllowed.of(caller, view));
        model.put("csrf", csrf);
        model.put("noteId", UUID.randomUUID().toString());
        model.put("declineReasons", DeclineReason.values());
        model.put("outOfStep", OUT_OF_STEP);
        return model;
    }

    static boolean outOfStep(SystemStateView system) {
        return OUT_OF_STEP.contains(system.state());
    }
}
