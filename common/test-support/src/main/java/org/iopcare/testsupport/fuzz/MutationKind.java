package org.iopcare.testsupport.fuzz;

/** The families of bad input, as counted in a fuzz report. */
public enum MutationKind {
    BASELINE,
    BODY_NULL,
    BODY_WRONG_TYPE,
    BODY_CONTROL_CHARS,
    BODY_HUGE_STRING,
    BODY_UNICODE,
    BODY_INJECTION,
    BODY_BAD_ENUM,
    BODY_BAD_UUID,
    BODY_NUMBER_RANGE,
    BODY_DATE_RANGE,
    BODY_ARRAY_SHAPE,
    BODY_OBJECT_SHAPE,
    BODY_DEEP_NESTING,
    BODY_HUGE,
    BODY_MISSING,
    BODY_MALFORMED,
    PATH_VALUE,
    QUERY_VALUE,
    QUERY_MISSING,
    PAGING,
    HEADER_VALUE,
    RAW_TARGET
}
