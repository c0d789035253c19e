package org.iopcare.support.audit;

/** The audit record of a request could not be written, so the request is not carried out. */
public class AuditUnavailable extends RuntimeException {

    AuditUnavailable(Throwable cause) {
        super("Audit record could not be written", cause);
    }
}
