package io.omnireturns.query.kpi;

import io.omnireturns.api.error.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KpiSeriesBucketsTest {

    @Test
    void days_run_from_the_first_to_the_last_day_included() {
        assertThat(KpiSeriesQueries.bucketStarts(LocalDate.parse("2025-01-30"), LocalDate.parse("2025-02-02"),
                KpiSeries.Bucket.DAY)).extracting(LocalDate::toString)
                .containsExactly("2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02");
    }

    @Test
    void weeks_start_on_the_monday_of_the_first_day_and_cover_the_last_day() {
        // 2025-01-01 is a Wednesday, 2025-01-13 a Monday
        assertThat(KpiSeriesQueries.bucketStarts(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-13"),
                KpiSeries.Bucket.WEEK)).extracting(LocalDate::toString)
                .containsExactly("2024-12-30", "2025-01-06", "2025-01-13");
    }

    @Test
    void a_reversed_or_too_long_range_is_refused() {
        assertThatThrownBy(() -> KpiSeriesQueries.bucketStarts(LocalDate.parse("2025-02-01"),
                LocalDate.parse("2025-01-01"), KpiSeries.Bucket.DAY)).isInstanceOf(DomainException.class)
                .hasMessageContaining("must end on or after");
        assertThatThrownBy(() -> KpiSeriesQueries.bucketStarts(LocalDate.parse("2024-01-01"),
                LocalDate.parse("2025-12-31"), KpiSeries.Bucket.DAY)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most 400");
        assertThat(KpiSeriesQueries.bucketStarts(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31"),
                KpiSeries.Bucket.WEEK)).hasSize(105);
    }
}
