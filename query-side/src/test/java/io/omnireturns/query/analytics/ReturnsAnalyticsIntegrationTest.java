package io.omnireturns.query.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.query.ReturnStory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.order;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The returns-analytics feed of May 2032 (the other tests' returns live in other years): three returns on
 * 2032-05-03 and one on 2032-05-04, of the test order (two shirts at 25.00 EUR, running shoes at 80.00), read through
 * {@code GET /api/v1/analytics/returns/daily} as JSON and CSV.
 */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsAnalyticsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAY = "from=2032-05-01&to=2032-06-01";

    @Autowired
    MockMvc mockMvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void may_2032() {
        // web: both shirts (SIZE_OR_FIT) and the shoes (CHANGED_MIND)
        tell("AN-1", "2032-05-03T09:00:00Z", requested("AN-1", "O-AN-1", "C-AN", SalesChannel.WEB, null));
        // store S-042: the same
        tell("AN-2", "2032-05-03T11:00:00Z", requested("AN-2", "O-AN-2", "C-AN", SalesChannel.STORE, "S-042"));
        // web: one shirt of the two bought (DEFECTIVE)
        tell("AN-3", "2032-05-03T23:59:59Z", oneShirt("AN-3", ReturnReason.DEFECTIVE));
        // the next day, UTC: one shirt (DEFECTIVE)
        tell("AN-4", "2032-05-04T00:00:00Z", oneShirt("AN-4", ReturnReason.DEFECTIVE));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM analytics_return_line WHERE return_id LIKE 'AN-%'", Long.class) == 6);
    }

    @Test
    void a_day_by_reason_counts_returns_units_value_and_the_rate_against_the_units_bought_on_those_lines()
            throws Exception {
        JsonNode rows = rows(MAY + "&by=REASON");

        assertThat(rows).hasSize(4);
        assertRow(rows.get(0), "2032-05-03", "CHANGED_MIND", 2, 2, 16000, 2, "1.0");
        assertRow(rows.get(1), "2032-05-03", "DEFECTIVE", 1, 1, 2500, 2, "0.5");
        assertRow(rows.get(2), "2032-05-03", "SIZE_OR_FIT", 2, 4, 10000, 4, "1.0");
        assertRow(rows.get(3), "2032-05-04", "DEFECTIVE", 1, 1, 2500, 2, "0.5");
    }

    @Test
    void a_return_counts_once_per_channel_however_many_lines_it_has_and_web_returns_have_no_store() throws Exception {
        JsonNode byChannel = rows("from=2032-05-03&to=2032-05-04&by=CHANNEL");
        assertRow(byChannel.get(0), "2032-05-03", "STORE", 1, 3, 13000, 3, "1.0");
        assertRow(byChannel.get(1), "2032-05-03", "WEB", 2, 4, 15500, 5, "0.8");

        JsonNode byStore = rows("from=2032-05-03&to=2032-05-04&by=STORE");
        assertRow(byStore.get(0), "2032-05-03", "S-042", 1, 3, 13000, 3, "1.0");
        assertThat(byStore.get(1).path("key").isNull() || byStore.get(1).path("key").isMissingNode()).isTrue();
        assertThat(byStore.get(1).get("returns").asLong()).isEqualTo(2);
    }

    @Test
    void sku_and_category_come_from_the_order_as_it_was_bought() throws Exception {
        JsonNode bySku = rows(MAY + "&by=SKU");
        assertThat(bySku.findValuesAsText("key")).containsExactly("SKU-RUN-42", "SKU-SHIRT-M", "SKU-SHIRT-M");

        JsonNode byCategory = rows("from=2032-05-03&to=2032-05-04&by=CATEGORY");
        assertRow(byCategory.get(0), "2032-05-03", "apparel", 3, 5, 12500, 6, "0.8333");
        assertRow(byCategory.get(1), "2032-05-03", "footwear", 2, 2, 16000, 2, "1.0");
    }

    @Test
    void the_same_figures_come_as_csv_with_the_value_in_minor_units_and_in_the_currency() throws Exception {
        String csv = mockMvc.perform(get("/api/v1/analytics/returns/daily?from=2032-05-04&to=2032-05-05&by=REASON")
                        .header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv).isEqualTo("day,by,key,currency,returns,units,value_minor,value,ordered_units,return_rate\r\n"
                + "2032-05-04,REASON,DEFECTIVE,EUR,1,1,2500,25.00,2,0.5000\r\n");
    }

    @Test
    void a_period_that_is_empty_backwards_too_long_or_an_unknown_breakdown_is_refused() throws Exception {
        mockMvc.perform(get("/api/v1/analytics/returns/daily?from=2032-05-02&to=2032-05-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mockMvc.perform(get("/api/v1/analytics/returns/daily?from=2030-01-01&to=2032-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mockMvc.perform(get("/api/v1/analytics/returns/daily?from=2032-05-01&to=2032-06-01&by=COLOUR"))
                .andExpect(status().isBadRequest());
        mockMvc.perform(get("/api/v1/analytics/returns/daily?from=yesterday&to=2032-06-01"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_request_recorded_again_changes_nothing(@Autowired ReturnsAnalyticsProjection projection) {
        long before = jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM analytics_return_line", Long.class);

        ReturnRequested again = oneShirt("AN-4", ReturnReason.DEFECTIVE);
        projection.on(again, new org.axonframework.eventhandling.GenericEventMessage<>(again), 0);

        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM analytics_return_line", Long.class))
                .isEqualTo(before);
    }

    private JsonNode rows(String query) throws Exception {
        String body = mockMvc.perform(get("/api/v1/analytics/returns/daily?" + query))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("rows");
    }

    private static void assertRow(JsonNode row, String day, String key, long returns, long units, long valueMinor,
                                  long orderedUnits, String rate) {
        assertThat(row.get("day").asText()).isEqualTo(day);
        assertThat(row.get("key").asText()).isEqualTo(key);
        assertThat(row.get("currency").asText()).isEqualTo("EUR");
        assertThat(row.get("returns").asLong()).as("returns").isEqualTo(returns);
        assertThat(row.get("units").asLong()).as("units").isEqualTo(units);
        assertThat(row.get("valueMinor").asLong()).as("value").isEqualTo(valueMinor);
        assertThat(row.get("orderedUnits").asLong()).as("ordered units").isEqualTo(orderedUnits);
        assertThat(row.get("returnRate").decimalValue()).as("rate")
                .isEqualByComparingTo(new java.math.BigDecimal(rate));
    }

    private void tell(String returnId, String at, ReturnRequested requested) {
        new ReturnStory(eventStore, returnId, Instant.parse(at)).then(requested);
    }

    private static ReturnRequested oneShirt(String returnId, ReturnReason reason) {
        return new ReturnRequested(returnId, SalesChannel.WEB, null, "C-AN", "O-" + returnId,
                RefundMethod.ORIGINAL_TENDER, List.of(new RequestedLine(SHIRTS, 1, reason)),
                order("O-" + returnId, "C-AN", SalesChannel.WEB, null));
    }

}
