package io.omnireturns.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_web_mail_back_asks_for_a_refund_to_the_original_tender_from_its_own_copy_of_the_order() throws Exception {
        ReturnPlan plan = ReturnPlan.of(ReturnPlan.Kind.WEB, "BENCH-", "run1", 7, "run1-7", false);

        assertThat(JSON.writeValueAsString(plan.request())).isEqualTo("{\"orderId\":\"BENCH-1001-run1-7\","
                + "\"channel\":\"WEB\",\"refundMethod\":\"ORIGINAL_TENDER\",\"lines\":["
                + "{\"orderLineId\":\"BENCH-1001-run1-7-L1\",\"quantity\":1,\"reason\":\"SIZE_OR_FIT\"},"
                + "{\"orderLineId\":\"BENCH-1001-run1-7-L3\",\"quantity\":2,\"reason\":\"DEFECTIVE\"}]}");
        assertThat(plan.mailedBack()).isTrue();
        assertThat(plan.receipt()).containsEntry("receiptId", "RCPT-run1-7").containsEntry("locationId", "DC-EAST");
    }

    @Test
    void a_store_return_is_received_at_the_store_and_an_exchange_names_replacements() {
        ReturnPlan store = ReturnPlan.of(ReturnPlan.Kind.STORE, "CHAOS-", "r", 2, "chaos-r-2", false);
        ReturnPlan exchange = ReturnPlan.of(ReturnPlan.Kind.EXCHANGE, "CHAOS-", "r", 8, "chaos-r-8", false);

        assertThat(store.request()).containsEntry("orderId", "CHAOS-1005-r-2").containsEntry("channel", "STORE")
                .containsEntry("storeId", "STORE-001").doesNotContainKey("refundMethod");
        assertThat(store.mailedBack()).isFalse();
        assertThat(store.locationId()).isEqualTo("STORE-001");
        assertThat(exchange.request()).containsEntry("refundMethod", "EXCHANGE");
        assertThat(exchange.lines()).extracting(ReturnPlan.Line::replacementSku)
                .containsExactly("JKT-RAIN-NVY-L", "JNS-SLIM-IND-34");
    }

    @Test
    void a_return_rejected_whole_scraps_every_item_at_inspection() throws Exception {
        ReturnPlan plan = ReturnPlan.of(ReturnPlan.Kind.STORE, "CHAOS-", "r", 5, "chaos-r-5", true);

        assertThat(JSON.valueToTree(plan.inspection()).path("lines")).allSatisfy(line -> {
            assertThat(line.path("acceptedQuantity").asInt()).isZero();
            assertThat(line.path("rejectedQuantity").asInt()).isPositive();
            assertThat(line.path("disposition").asText()).isEqualTo("SCRAP");
        });
        assertThat(plan.inspection()).containsEntry("inspectionId", "INSP-chaos-r-5");
    }
}
