package org.iopcare.local;

/** The platform could not be started; everything that had started is stopped again. */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message when a stop (Ctrl-C, {@code stop}) came before the platform was up. */
    static final String STOPPED = "Stopped while starting";

    private volatile boolean reported;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the launcher already told the user (before stopping what had started). */
    boolean reported() {
        return reported;
    }

    StartupException markReported() {
        reported = true;
        return this;
    }
}
