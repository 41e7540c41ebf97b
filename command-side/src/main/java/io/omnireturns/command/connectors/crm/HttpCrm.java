package io.omnireturns.command.connectors.crm;

import io.omnireturns.command.connectors.common.ConnectorHttp;
import org.springframework.http.MediaType;

/** The CRM over HTTP: {@code POST /notifications} and {@code POST /cases}. */
public class HttpCrm implements Crm {

    private static final String NOTIFY_CUSTOMER = "notifyCustomer";
    private static final String OPEN_CASE = "openCase";

    private final ConnectorHttp http;

    public HttpCrm(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public String notifyCustomer(CustomerNotification notification) {
        NotificationAnswer answer = http.callOnce(NOTIFY_CUSTOMER, () -> http.client().post()
                .uri("/notifications")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, notification.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(notification)
                .retrieve()
                .body(NotificationAnswer.class));
        return http.required(NOTIFY_CUSTOMER, "messageId", answer.messageId());
    }

    @Override
    public String openCase(CaseRequest request) {
        CaseAnswer answer = http.callOnce(OPEN_CASE, () -> http.client().post()
                .uri("/cases")
                .header(ConnectorHttp.IDEMPOTENCY_KEY, request.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(CaseAnswer.class));
        return http.required(OPEN_CASE, "caseId", answer.caseId());
    }

    private record NotificationAnswer(String messageId) {
    }

    private record CaseAnswer(String caseId) {
    }
}
