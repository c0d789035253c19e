package org.iopcare.intake.careteam;

/** Staff are token subjects: identifiers, never names. */
public final class StaffIds {

    public static final String PATTERN = "[A-Za-z0-9._@:|-]{1,200}";

    private StaffIds() {}
}
