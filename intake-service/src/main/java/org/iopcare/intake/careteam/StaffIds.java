package org.iopcare.intake.careteam;

/** Staff are token subjects: identifiers, never names. */
final class StaffIds {

    static final String PATTERN = "[A-Za-z0-9._@:|-]{1,200}";

    private StaffIds() {}
}
