package org.iopcare.scheduling.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts a client's misses for {@code session-missed}. Excused absences neither count nor break a
 * run of misses; attending (present or late) breaks it.
 */
final class MissCounter {

    static final Duration WINDOW = Duration.ofDays(14);

    /**
     * A past session with recorded attendance.
     *
     * @param startsAt when it started
     * @param attendance what was recorded
     */
    record Past(Instant startsAt, Attendance attendance) {}

    /**
     * The counts.
     *
     * @param consecutive misses in a row up to and including the missed session
     * @param inLast14Days misses in the 14 days ending with the missed session
     */
    record Counts(int consecutive, int inLast14Days) {}

    private MissCounter() {}

    /** @param history the client's sessions up to and including the missed one, newest first */
    static Counts count(Instant missedStartsAt, List<Past> history) {
        int consecutive = 0;
        boolean run = true;
        int recent = 0;
        Instant windowStart = missedStartsAt.minus(WINDOW);
        for (Past past : history) {
            if (past.startsAt().isAfter(missedStartsAt)) {
                continue;
            }
            if (past.attendance().isMiss()) {
                if (run) {
                    consecutive++;
                }
                if (past.startsAt().isAfter(windowStart)) {
                    recent++;
                }
            } else if (past.attendance() != Attendance.EXCUSED) {
                run = false;
            }
        }
        return new Counts(consecutive, recent);
    }
}
