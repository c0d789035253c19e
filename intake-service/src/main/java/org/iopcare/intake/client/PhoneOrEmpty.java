package org.iopcare.intake.client;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.iopcare.intake.inquiry.E164Validator;

/** An E.164 phone number, or the empty string that removes the phone on file (PATCH). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneOrEmpty.Validator.class)
public @interface PhoneOrEmpty {

    String message() default "must be a valid phone number in E.164 form, e.g. +16175550100, or empty to remove it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PhoneOrEmpty, String> {
        private final E164Validator e164 = new E164Validator();

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || e164.isValid(value, context);
        }
    }
}
