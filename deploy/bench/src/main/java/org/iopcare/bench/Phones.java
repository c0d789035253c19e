package org.iopcare.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Mobile numbers for benchmark inquirers, distinct within a run and, from a random start, all but
 * certainly distinct from earlier runs on the same data: intake links a repeat inquiry from a known
 * number to the first one and notification does not acknowledge it, which would read as a lost
 * acknowledgement.
 */
final class Phones {

    private static final List<String> AREAS = List.of("617", "508", "781", "978", "413", "857", "339", "774");
    /** 200-599 without the service codes (211, 311, 411, 511) and 555, which no subscriber has. */
    private static final int[] EXCHANGES =
            IntStream.range(200, 600).filter(e -> e % 100 != 11 && e != 555).toArray();

    private static final long SPACE = AREAS.size() * EXCHANGES.length * 10_000L;

    private final long start = ThreadLocalRandom.current().nextLong(SPACE);

    /** The {@code n}th number of this run, E.164. */
    String number(long n) {
        long slot = Math.floorMod(start + n, SPACE);
        String area = AREAS.get((int) (slot / (EXCHANGES.length * 10_000L)));
        int exchange = EXCHANGES[(int) ((slot / 10_000) % EXCHANGES.length)];
        return String.format(Locale.ROOT, "+1%s%03d%04d", area, exchange, slot % 10_000);
    }
}
