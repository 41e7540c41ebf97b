package io.omnireturns.query.status.web;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.query.status.live.StatusListener;
import io.omnireturns.query.status.live.StatusUpdatesProperties;
import io.omnireturns.query.status.live.Subscription;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * One open event stream: writes what its subscription delivers to the response, and ends the subscription when the
 * response ends (client gone, time-out, error) and the response when the subscription ends (terminal status,
 * shutdown). A write to a client that went away throws, which ends the subscription too.
 */
final class SseStream implements StatusListener {

    /** What EventSource is told to wait before reconnecting. */
    static final Duration RECONNECT = Duration.ofSeconds(3);

    private final SseEmitter emitter;
    private final Function<ReturnStatusView, SseEmitter.SseEventBuilder> event;

    /**
     * Opens the response with a {@code retry} line (how long EventSource waits before it reconnects): the headers and
     * it go out at once, so the client knows it is connected before the first change.
     */
    SseStream(StatusUpdatesProperties properties, Function<ReturnStatusView, SseEmitter.SseEventBuilder> event) {
        this.emitter = new SseEmitter(properties.streamTimeout().toMillis());
        this.event = event;
        send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()));
    }

    void attach(Subscription subscription) {
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(failure -> subscription.close());
    }

    SseEmitter emitter() {
        return emitter;
    }

    @Override
    public void onUpdate(ReturnStatusView view) {
        send(event.apply(view));
    }

    @Override
    public void onKeepAlive() {
        send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void onClose(Subscription.Ending ending) {
        emitter.complete();
    }

    private void send(SseEmitter.SseEventBuilder builder) {
        try {
            emitter.send(builder);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away: the subscription ends
        }
    }
}
