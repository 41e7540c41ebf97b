package io.omnireturns.command.connectors.fraud;

import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

import java.util.List;

/**
 * The fraud service over HTTP: {@code POST /assessments}. Scoring moves no money or stock, so it carries no
 * idempotency key; asking twice gives at worst a second, equally valid score.
 */
public class HttpFraudScoring implements FraudScoring {

    private static final String ASSESS = "assess";

    private final ConnectorHttp http;

    public HttpFraudScoring(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public FraudAssessment assess(FraudCheck check) {
        AssessmentAnswer answer = http.callOnce(ASSESS, () -> http.client().post()
                .uri("/assessments")
                .contentType(MediaType.APPLICATION_JSON)
                .body(check)
                .retrieve()
                .body(AssessmentAnswer.class));
        int score = http.required(ASSESS, "score", answer.score());
        if (score < 0 || score > 100) {
            throw http.malformed(ASSESS, "score " + score + " outside 0..100");
        }
        boolean reviewRequired = http.required(ASSESS, "reviewRequired", answer.reviewRequired());
        // signals explain a score; a service that gives none still gave a score
        return new FraudAssessment(score, reviewRequired, answer.signals() == null ? List.of() : answer.signals());
    }

    private record AssessmentAnswer(Integer score, Boolean reviewRequired, List<String> signals) {
    }
}
