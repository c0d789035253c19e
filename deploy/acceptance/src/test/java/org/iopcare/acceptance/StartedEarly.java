package org.iopcare.acceptance;

/**
 * A scenario set up before the others (in {@code @BeforeAll}), so that the time it must wait for
 * passes while they run, and checked later: a failure of its set-up is kept and reported when it is
 * checked, not by the whole suite's set-up.
 */
abstract class StartedEarly {

    final Journey journey;
    final StaffApp staff;
    final long begun = System.nanoTime();

    private Throwable setupFailure;

    StartedEarly(Journey journey) {
        this.journey = journey;
        this.staff = journey.staff;
    }

    /** What is done before the other scenarios. */
    abstract void setUp();

    /** Sets the scenario up now; a failure is kept for {@link #setupFailure()}. */
    final void start() {
        try {
            setUp();
        } catch (Throwable e) {
            setupFailure = e;
        }
    }

    /** Why the set-up failed; null when it did not. */
    final Throwable setupFailure() {
        return setupFailure;
    }
}
