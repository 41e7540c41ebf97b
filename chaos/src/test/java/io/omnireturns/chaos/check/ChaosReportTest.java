package io.omnireturns.chaos.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosReportTest {

    @Test
    void the_summary_starts_with_the_issues_fields_in_order_and_passes_when_every_invariant_holds() {
        ChaosReport report = report(Map.of(), Map.of("EUR", 12345L), Map.of(), List.of(), Map.of());

        assertThat(report.failures()).isEmpty();
        assertThat(report.summary()).startsWith("returns=3 completed=2 on_hold=1 stuck=0 double_refunds=0 "
                + "double_postings=0 gateway_total=123.45 ledger_total=123.45 max_step_takeover_s=21.5 5xx=0 "
                + "unavailable=4 slow=0 ").endsWith("seed=42 verdict=PASS");
    }

    @Test
    void totals_that_differ_a_stuck_return_and_a_500_each_fail_the_run() {
        ChaosReport report = report(Map.of("REFUND_PENDING", 1), Map.of("EUR", 100L),
                Map.of("500 INTERNAL_ERROR POST /api/v1/returns", 2L), List.of("r-1"),
                Map.of("no answer within 35 s GET /api/v1/returns/{id}", 1L));

        assertThat(report.failures()).hasSize(5);
        assertThat(report.summary()).contains("stuck=1", "gateway_total=123.45 ledger_total=1.00", "5xx=2",
                "double_refunds=1", "slow=1").endsWith("verdict=FAIL");
    }

    @Test
    void a_run_that_lost_returns_completed_none_paid_nothing_or_verified_part_of_the_view_fails() {
        ChaosReport report = new ChaosReport(3, 0, 3, Map.of(), 0, List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), Map.of(), true, Map.of(), 0, 0, 100, null, List.of(), 0, null, 61.2, 5, 2, List.of(), Map.of(), 0, 42L);

        assertThat(report.failures()).hasSize(4).anySatisfy(f -> assertThat(f).contains("driver was to play 5"))
                .anySatisfy(f -> assertThat(f).contains("no return COMPLETED"))
                .anySatisfy(f -> assertThat(f).contains("gateway paid nothing"))
                .anySatisfy(f -> assertThat(f).contains("compared 2 returns of 3"));
    }

    private static ChaosReport report(Map<String, Integer> stuck, Map<String, Long> ledger,
                                      Map<String, Long> serverErrors, List<String> doubleRefunds,
                                      Map<String, Long> slow) {
        return new ChaosReport(3, 2, 1, stuck, 0, doubleRefunds, List.of(), List.of(), List.of(), List.of(),
                Map.of("EUR", 12345L), ledger, true, serverErrors, 4, 7, 100,
                new StepTakeover.Result(2, 21.5, 24.0, List.of()), List.of(), 0, null, 61.2, 3, 3, List.of(), slow, 0, 42L);
    }
}
