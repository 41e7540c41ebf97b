package io.omnireturns.command.connectors.crm;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.HttpConnectorContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class HttpCrmTest extends HttpConnectorContract {

    private static final CustomerNotification NOTIFICATION = new CustomerNotification("RET-1:NOTIFY_CUSTOMER:REFUNDED",
            "RET-1", "CUS-7", "REFUNDED", "Your refund is on its way.");
    private static final CaseRequest CASE = new CaseRequest("RET-1:OPEN_CASE:EX-3", "RET-1", "CUS-7", "REFUND_FAILED",
            "return RET-1 needs attention: exception EX-3");

    @Override
    protected ExternalSystem system() {
        return ExternalSystem.CRM;
    }

    @Override
    protected List<RemoteOperation> operations() {
        return List.of(
                RemoteOperation.post("notifyCustomer", ExternalSystem.CRM, "/notifications",
                        NOTIFICATION.idempotencyKey(), "{\"messageId\": \"MSG-1\"}",
                        http -> new HttpCrm(http).notifyCustomer(NOTIFICATION)),
                RemoteOperation.post("openCase", ExternalSystem.CRM, "/cases", CASE.idempotencyKey(),
                        "{\"caseId\": \"CASE-12\"}", http -> new HttpCrm(http).openCase(CASE)));
    }

    @Test
    void sends_the_notification_and_reads_the_message_id() {
        wireMock.stubFor(post("/notifications").willReturn(okJson("{\"messageId\": \"MSG-1\"}")));

        String messageId = new HttpCrm(http).notifyCustomer(NOTIFICATION);

        assertThat(messageId).isEqualTo("MSG-1");
        wireMock.verify(postRequestedFor(urlPathEqualTo("/notifications")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:NOTIFY_CUSTOMER:REFUNDED", "returnId": "RET-1", "customerId": "CUS-7",
                 "milestone": "REFUNDED", "message": "Your refund is on its way."}""")));
    }

    @Test
    void the_notice_of_a_gift_return_names_the_recipient_and_whether_the_buyer_is_told() {
        wireMock.stubFor(post("/notifications").willReturn(okJson("{\"messageId\": \"MSG-2\"}")));

        new HttpCrm(http).notifyCustomer(new CustomerNotification("RET-1:NOTIFY_CUSTOMER:REFUNDED", "RET-1", "CUS-7",
                "REFUNDED", "Your refund is on its way.", new CustomerNotification.Gift("ada@example.com", false)));

        wireMock.verify(postRequestedFor(urlPathEqualTo("/notifications")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:NOTIFY_CUSTOMER:REFUNDED", "returnId": "RET-1", "customerId": "CUS-7",
                 "milestone": "REFUNDED", "message": "Your refund is on its way.",
                 "gift": {"recipientEmail": "ada@example.com", "buyerNotified": false}}""")));
    }

    @Test
    void opens_the_case_and_reads_its_id() {
        wireMock.stubFor(post("/cases").willReturn(okJson("{\"caseId\": \"CASE-12\"}")));

        String caseId = new HttpCrm(http).openCase(CASE);

        assertThat(caseId).isEqualTo("CASE-12");
        wireMock.verify(postRequestedFor(urlPathEqualTo("/cases")).withRequestBody(equalToJson("""
                {"idempotencyKey": "RET-1:OPEN_CASE:EX-3", "returnId": "RET-1", "customerId": "CUS-7",
                 "reason": "REFUND_FAILED", "detail": "return RET-1 needs attention: exception EX-3"}""")));
    }
}
