package org.iopcare.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mobile numbers for benchmark inquirers, distinct within a run and, from a random start, all but
 * certainly distinct from earlier runs on the same data: intake links a repeat inquiry from a known
 * number to the first one and notification does not acknowledge it, which would read as a lost
 * acknowledgement.
 */
final class Phones {

    private static final List<String> AREAS = List.of("617", "508", "781", "978", "413", "857", "339", "774");
    private static final int EXCHANGES = 350; // 200-549: clear of the N11 and 555 exchanges
    private static final long SPACE = AREAS.size() * EXCHANGES * 10_000L;

    private final long start = ThreadLocalRandom.current().nextLong(SPACE);

    /** The {@code n}th number of this run, E.164. */
    String number(long n) {
        long slot = Math.floorMod(start + n, SPACE);
        String area = AREAS.get((int) (slot / (EXCHANGES * 10_000L)));
        long exchange = 200 + (slot / 10_000) % EXCHANGES;
        return String.format(Locale.ROOT, "+1%s%03d%04d", area, exchange, slot % 10_000);
    }
}
