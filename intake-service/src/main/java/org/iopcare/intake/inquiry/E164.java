package org.iopcare.intake.inquiry;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid phone number written in E.164 form; null passes (use @NotNull to require one). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = E164Validator.class)
public @interface E164 {

    String message() default "must be a valid phone number in E.164 form, e.g. +16175550100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
