package io.omnireturns.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlMetricNamesTest {

    @Test
    void a_histogram_quantile_names_the_bucket_series_and_not_its_functions_or_grouping_labels() {
        assertThat(PromQlMetricNames.in("histogram_quantile(0.99, sum by (le, connector) "
                + "(rate(omnireturns_connector_calls_seconds_bucket{instance=~\"$instance\"}[$__rate_interval])))"))
                .containsExactly("omnireturns_connector_calls_seconds_bucket");
    }

    @Test
    void every_operand_of_a_binary_expression_is_named_and_keywords_numbers_and_durations_are_not() {
        assertThat(PromQlMetricNames.in("""
                min_over_time(omnireturns_processor_lag_events[10m]) > 0
                  and resets(omnireturns_processor_lag_events[10m]) == 0
                  or up{job="omnireturns"} == 0 unless commandBus_capacity offset 5m > 1e3"""))
                .containsExactly("commandBus_capacity", "omnireturns_processor_lag_events", "up");
    }

    @Test
    void label_values_strings_and_subqueries_are_not_taken_for_metric_names() {
        assertThat(PromQlMetricNames.in("delta((max by (application) (sum without (system) "
                + "(omnireturns_exception_queue_open{system=~\"PAYMENT|ERP_(.*)\"})))[1h:1m]) >= 5"))
                .containsExactly("omnireturns_exception_queue_open");
        assertThat(PromQlMetricNames.in("max by (connector, state) (omnireturns_connector_circuit_state"
                + "{state=~\"open|forced_open\"}) == bool 1"))
                .containsExactly("omnireturns_connector_circuit_state");
    }

    @Test
    void a_scrape_gives_its_sample_names_as_prometheus_stores_them() {
        String scrape = """
                # HELP omnireturns_connector_calls_seconds Step calls
                # TYPE omnireturns_connector_calls_seconds histogram
                omnireturns_connector_calls_seconds_bucket{connector="fraud",le="0.1"} 1
                omnireturns_connector_calls_seconds_count{connector="fraud"} 1
                omnireturns_cluster_nodes 1.0
                """;

        assertThat(PromQlMetricNames.sampleNames(scrape)).containsExactly("omnireturns_cluster_nodes",
                "omnireturns_connector_calls_seconds_bucket", "omnireturns_connector_calls_seconds_count");
    }
}
