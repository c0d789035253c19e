package org.iopcare.support.web;

import java.text.ParseException;
import java.util.Set;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;

/**
 * Query parameters and path variables annotated with {@code @DateTimeFormat}: parsed as Spring
 * would, then held to {@link DateBounds}. A value outside them fails conversion, which the problem
 * responses answer as a 400 naming the parameter.
 */
class BoundedDateFormats implements AnnotationFormatterFactory<DateTimeFormat> {

    private final Jsr310DateTimeFormatAnnotationFormatterFactory standard =
            new Jsr310DateTimeFormatAnnotationFormatterFactory();

    @Override
    public Set<Class<?>> getFieldTypes() {
        return standard.getFieldTypes();
    }

    @Override
    public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
        return standard.getPrinter(annotation, fieldType);
    }

    @Override
    public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
        return bounded(standard.getParser(annotation, fieldType));
    }

    static <T> Parser<T> bounded(Parser<T> parser) {
        return (text, locale) -> {
            T value = parser.parse(text, locale);
            if (!DateBounds.isAcceptable(value)) {
                // The message stays generic: the conversion failure never reaches the client.
                throw new ParseException("date outside the accepted years", 0);
            }
            return value;
        };
    }
}
