package io.omnireturns.console.warehouse;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.ReturnSummary;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What a scan at the bench finds: the return with that id, or else the open returns of the order with that id, always
 * within the caller's scope (a store associate finds only their stores' returns, as in the API).
 */
@Component
class ReturnFinder {

    private final ReturnStatusProjection statusView;

    ReturnFinder(ReturnStatusProjection statusView) {
        this.statusView = statusView;
    }

    /** The return, if it exists and the caller may handle it. */
    ReturnStatusView visible(String returnId, Caller caller) {
        ReturnStatusView view = returnId == null ? null : statusView.handle(new FindReturnStatus(returnId));
        if (view == null || !caller.scope().permits(view.storeId(), view.customerId())) {
            // outside the caller's scope a return is answered as missing, as in the API
            throw new DomainException(ErrorKind.NOT_FOUND, "RETURN_NOT_FOUND", "No return with id " + returnId + ".");
        }
        return view;
    }

    /** The returns a scanned code means: the return of that id, or the open returns of that order (newest first). */
    List<ReturnSummary> find(String code, Caller caller) {
        AccessScope scope = caller.scope();
        ReturnStatusView byId = statusView.handle(new FindReturnStatus(code));
        if (byId != null && scope.permits(byId.storeId(), byId.customerId())) {
            return List.of(new ReturnSummary(byId.returnId(), byId.orderId(), byId.customerId(), byId.channel(),
                    byId.storeId(), byId.status(), byId.hold() == null ? null : byId.hold().reason(),
                    byId.createdAt(), byId.updatedAt()));
        }
        String store = scope.stores().size() == 1 ? scope.stores().iterator().next() : null;
        return statusView.handle(new SearchReturns(code, scope.customerId(), null, null, store, 0,
                        SearchReturns.MAX_PAGE_SIZE)).content().stream()
                .filter(found -> scope.permits(found.storeId(), found.customerId()))
                .filter(found -> !found.status().isTerminal())
                .toList();
    }
}
