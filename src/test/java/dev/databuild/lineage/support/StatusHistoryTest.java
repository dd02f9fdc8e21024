package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusHistoryTest {

    record Change(String status, long at, long eventId) {
    }

    @Test
    void appendsOldestFirstAndReadsBack() {
        String packed = StatusHistory.EMPTY;
        packed = StatusHistory.append(packed, 7, "BUFFERED", 1_735_689_600_000L);
        packed = StatusHistory.append(packed, 12, "QUEUED", 1_735_689_600_500L);
        packed = StatusHistory.append(packed, 130, "RUNNING", 1_735_689_601_000L);

        assertThat(packed).isEqualTo("7,BUFFERED,1735689600000;12,QUEUED,1735689600500;130,RUNNING,1735689601000");
        assertThat(StatusHistory.parse(packed, Change::new)).containsExactly(
                new Change("BUFFERED", 1_735_689_600_000L, 7), new Change("QUEUED", 1_735_689_600_500L, 12),
                new Change("RUNNING", 1_735_689_601_000L, 130));
    }

    @Test
    void aSecondChangeByTheSameEventReplacesTheFirst() {
        String packed = StatusHistory.append(StatusHistory.append("", 5, "BUILDING", 10), 9, "LIVE", 20);

        assertThat(StatusHistory.append(packed, 9, "TAINTED", 20)).isEqualTo("5,BUILDING,10;9,TAINTED,20");
        assertThat(StatusHistory.append("9,LIVE,20", 9, "FAILED", 20)).isEqualTo("9,FAILED,20");
        // event 19 is not event 9: the comparison is on the whole id
        assertThat(StatusHistory.append("9,LIVE,20", 19, "FAILED", 30)).isEqualTo("9,LIVE,20;19,FAILED,30");
    }

    @Test
    void aRowReadWithoutItsHistoryIsRefusedNotEmpty() {
        assertThat(StatusHistory.of("1,LIVE,2", "JobRun")).isEqualTo("1,LIVE,2");
        assertThatThrownBy(() -> StatusHistory.of(null, "JobRun"))
                .isInstanceOf(IllegalStateException.class).hasMessage("a JobRun row was read without its status_history column");
    }

    @Test
    void emptyHistoryIsAnEmptyList() {
        assertThat(StatusHistory.parse(StatusHistory.EMPTY, Change::new)).isEqualTo(List.of());
    }
}
