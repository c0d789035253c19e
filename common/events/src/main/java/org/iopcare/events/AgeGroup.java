package org.iopcare.events;

/** Sets the weekly attendance minimum: 9 hours for adults, 6 for adolescents. */
public enum AgeGroup {
    ADULT,
    ADOLESCENT
}
