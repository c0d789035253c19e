package org.iopcare.intake.inquiry;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Accepts only numbers already in canonical E.164 form that libphonenumber considers valid. */
public class E164Validator implements ConstraintValidator<E164, String> {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (!value.matches("\\+[1-9]\\d{6,14}")) {
            return false;
        }
        try {
            PhoneNumber number = PHONES.parse(value, null);
            return PHONES.isValidNumber(number)
                    && PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                            .equals(value);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
