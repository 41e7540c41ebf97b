package io.omnireturns.console.returns;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.query.status.live.StatusListener;
import io.omnireturns.query.status.live.StatusUpdates;
import io.omnireturns.query.status.live.Subscription;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/**
 * A return's page (status, lines, refund, systems, notes, timeline and the actions the caller may take) and its live
 * stream: each newer view of the return is pushed as re-rendered fragments, one server-sent event per fragment,
 * which htmx's sse extension swaps in place. The stream ends, and the page stops listening, once the return is over.
 */
@Controller
@RequestMapping("/console/returns/{returnId}")
class ReturnPageController {

    private final ReturnPageModel pages;
    private final ReturnFragments fragments;
    private final StatusUpdates updates;

    ReturnPageController(ReturnPageModel pages, ReturnFragments fragments, StatusUpdates updates) {
        this.pages = pages;
        this.fragments = fragments;
        this.updates = updates;
    }

    @GetMapping
    String page(@PathVariable String returnId, Caller caller, CsrfToken csrf, Model model) {
        model.addAllAttributes(pages.of(pages.visible(returnId, caller), caller, csrf));
        return ReturnFragments.TEMPLATE;
    }

    /** The live fragments after {@code version} (the one the page shows). */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String returnId, @RequestParam(defaultValue = "0") long version,
                    @RequestParam(defaultValue = "") String actions, Caller caller,
                    CsrfToken csrf) {
        pages.visible(returnId, caller); // 404 outside the scope, before the stream starts
        // the forms the page shows (its actions key): replaced only when what the caller may do changes
        String[] shown = {actions};
        SseEmitter emitter = new SseEmitter(0L);
        String token = csrf.getToken(); // read now: the deferred token needs the request
        CsrfToken fixed = new org.springframework.security.web.csrf.DefaultCsrfToken(csrf.getHeaderName(),
                csrf.getParameterName(), token);
        Subscription subscription = updates.subscribe(returnId, caller.scope(), version, new StatusListener() {
            @Override
            public void onUpdate(ReturnStatusView view) {
                var model = pages.of(view, caller, fixed);
                try {
                    for (String fragment : ReturnFragments.LIVE) {
                        // the forms are replaced only when what the caller may do changes: typing is never lost
                        if (fragment.equals("actions") && ((ReturnActionsAllowed) model.get("can")).key().equals(shown[0])) {
                            continue;
                        }
                        emitter.send(SseEmitter.event().name(fragment).data(fragments.render(fragment, model)));
                    }
                    shown[0] = ((ReturnActionsAllowed) model.get("can")).key();
                } catch (IOException | RuntimeException gone) {
                    emitter.completeWithError(gone);
                }
            }

            @Override
            public void onKeepAlive() {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException gone) {
                    emitter.completeWithError(gone);
                }
            }

            @Override
            public void onClose(Subscription.Ending ending) {
                try {
                    // the page closes its connection on this event rather than reconnecting
                    emitter.send(SseEmitter.event().name("closed").data(ending.name()));
                    emitter.complete();
                } catch (IOException | IllegalStateException gone) {
                    emitter.completeWithError(gone);
                }
            }
        });
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(error -> subscription.close());
        return emitter;
    }
}
