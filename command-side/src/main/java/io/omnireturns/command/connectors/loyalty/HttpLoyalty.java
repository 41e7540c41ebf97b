package io.omnireturns.command.connectors.loyalty;

import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

/** The loyalty programme over HTTP: {@code POST /point-reversals} and {@code POST /point-restorations}. */
public class HttpLoyalty implements Loyalty {

    private static final String REVERSE_POINTS = "reversePoints";
    private static final String RESTORE_POINTS = "restorePoints";

    private final ConnectorHttp http;

    public HttpLoyalty(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public PointsReversal reversePoints(PointsReversalRequest request) {
        ReversalAnswer answer = http.callOnce(REVERSE_POINTS, () -> http.client().post()
                .uri("/point-reversals")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(ReversalAnswer.class));
        String reference = http.required(REVERSE_POINTS, "reference", answer.reference());
        long points = http.required(REVERSE_POINTS, "pointsReversed", answer.pointsReversed());
        if (points < 0) {
            throw http.malformed(REVERSE_POINTS, "a negative reversal of " + points + " points");
        }
        return new PointsReversal(reference, points);
    }

    @Override
    public PointsRestoration restorePoints(PointsRestoreRequest request) {
        RestorationAnswer answer = http.callOnce(RESTORE_POINTS, () -> http.client().post()
                .uri("/point-restorations")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(RestorationAnswer.class));
        String reference = http.required(RESTORE_POINTS, "reference", answer.reference());
        long points = http.required(RESTORE_POINTS, "pointsRestored", answer.pointsRestored());
        if (points != request.points()) {
            throw http.malformed(RESTORE_POINTS, points + " points restored, " + request.points() + " asked");
        }
        return new PointsRestoration(reference, points);
    }

    private record RestorationAnswer(String reference, Long pointsRestored) {
    }

    private record ReversalAnswer(String reference, Long pointsReversed) {
    }
}
