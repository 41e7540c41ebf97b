package io.omnireturns.query.finance;

import io.omnireturns.api.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountingPeriodsTest {

    private final AccountingPeriods berlin = new AccountingPeriods(ZoneId.of("Europe/Berlin"));
    private final AccountingPeriods utc = new AccountingPeriods(ZoneOffset.UTC);

    @Test
    void an_event_belongs_to_the_month_of_its_timestamp_in_the_ledgers_time_zone() {
        Instant lateOnTheLastDayInUtc = Instant.parse("2024-03-31T22:30:00Z"); // 00:30 on 1 April in Berlin (CEST)
        assertThat(utc.periodOf(lateOnTheLastDayInUtc)).isEqualTo(YearMonth.of(2024, 3));
        assertThat(berlin.periodOf(lateOnTheLastDayInUtc)).isEqualTo(YearMonth.of(2024, 4));
        assertThat(berlin.periodOf(Instant.parse("2024-03-31T21:59:59Z"))).isEqualTo(YearMonth.of(2024, 3));
    }

    @Test
    void a_period_runs_from_midnight_on_its_first_day_to_midnight_after_its_last_in_the_zone() {
        assertThat(berlin.start(YearMonth.of(2024, 3))).isEqualTo(Instant.parse("2024-02-29T23:00:00Z"));
        assertThat(berlin.end(YearMonth.of(2024, 3))).isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
        assertThat(utc.hasEnded(YearMonth.of(2024, 3), Instant.parse("2024-03-31T23:59:59Z"))).isFalse();
        assertThat(utc.hasEnded(YearMonth.of(2024, 3), Instant.parse("2024-04-01T00:00:00Z"))).isTrue();
    }

    @Test
    void an_event_of_a_closed_period_is_booked_in_the_first_open_period_after_it() {
        Set<YearMonth> closed = Set.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 4));
        assertThat(AccountingPeriods.bookingPeriod(YearMonth.of(2024, 1), closed)).isEqualTo(YearMonth.of(2024, 3));
        assertThat(AccountingPeriods.bookingPeriod(YearMonth.of(2024, 3), closed)).isEqualTo(YearMonth.of(2024, 3));
        assertThat(AccountingPeriods.bookingPeriod(YearMonth.of(2024, 4), closed)).isEqualTo(YearMonth.of(2024, 5));
        assertThat(AccountingPeriods.bookingPeriod(YearMonth.of(2023, 12), closed)).isEqualTo(YearMonth.of(2023, 12));
    }

    @Test
    void periods_are_read_and_written_as_yyyy_mm() {
        assertThat(AccountingPeriods.parse("2025-01")).isEqualTo(YearMonth.of(2025, 1));
        assertThat(AccountingPeriods.format(YearMonth.of(2025, 1))).isEqualTo("2025-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "2025-00", "2025-1", "25-01", "2025/01", "2025-01-01", "january", " 2025-01", ""})
    void anything_else_is_an_invalid_period(String text) {
        assertThatThrownBy(() -> AccountingPeriods.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_PERIOD"));
    }
}
