package org.iopcare.testsupport.fuzz;

import java.util.Map;

/** A cheap picture of a service's stored state, compared before and after each refused write. */
@FunctionalInterface
public interface StateProbe {

    /** Per table (or other named part), a value that changes whenever its contents change. */
    Map<String, String> snapshot();

    StateProbe NONE = Map::of;
}
