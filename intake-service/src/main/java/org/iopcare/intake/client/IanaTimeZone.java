package org.iopcare.intake.client;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/** A region id of the IANA time zone database ({@code America/New_York}); fixed offsets do not pass. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
public @interface IanaTimeZone {

    String message() default "must be an IANA time zone, e.g. America/New_York";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null passes; use @NotNull to require one. */
    class Validator implements ConstraintValidator<IanaTimeZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || (value.contains("/") && ZoneId.getAvailableZoneIds().contains(value));
        }
    }
}
