package org.iopcare.support.web;

/** A query parameter, path variable or header that breaks an input rule; carries its name only. */
public class RejectedRequestValue extends RuntimeException {

    private final String name;

    public RejectedRequestValue(String name) {
        super("Rejected request value", null, false, false);
        this.name = name;
    }

    /** A parameter's name as shown in the problem: the client chose it, so only a plain identifier. */
    static String shown(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,64}") ? name : "parameter";
    }

    public String name() {
        return name;
    }
}
