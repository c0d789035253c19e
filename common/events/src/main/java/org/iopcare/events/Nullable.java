package org.iopcare.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event component that may be {@code null} on the wire. Every other component is
 * required: producers always set it, consumers may rely on it. Primitives are always required.
 *
 * <p>Kept at run time so the JSON Schemas of the catalogue can be derived from the records: a
 * nullable component is neither {@code required} nor non-null in its schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {}
