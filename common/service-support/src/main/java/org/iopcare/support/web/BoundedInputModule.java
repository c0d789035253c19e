package org.iopcare.support.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies: every string is {@link PlainText} and every date within {@link DateBounds}. The
 * rule wraps the deserializer Jackson would use anyway, so formats, coercions and
 * {@code @JsonFormat} behave as before and only the result is checked.
 */
public class BoundedInputModule extends SimpleModule {

    static final String CONTROL_CHARACTER = "contains a control character";
    static final String DATE_OUT_OF_RANGE =
            "is outside the years " + DateBounds.FIRST_YEAR + " to " + DateBounds.LAST_YEAR;

    public BoundedInputModule() {
        super("iopcare-bounded-input");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> standard) {
                Class<?> type = description.getBeanClass();
                return type == String.class || DateBounds.applies(type) ? new Checked(standard, type) : standard;
            }
        });
    }

    static final class Checked extends DelegatingDeserializer {

        private final Class<?> type;

        Checked(ValueDeserializer<?> standard, Class<?> type) {
            super(standard);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
            return new Checked(standard, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into)
                throws JacksonException {
            return checked(parser, super.deserialize(parser, context, into));
        }

        private Object checked(JsonParser parser, Object value) {
            if (value instanceof String text && !PlainText.isAcceptable(text)) {
                throw new RejectedValue(parser, type, CONTROL_CHARACTER);
            }
            if (!DateBounds.isAcceptable(value)) {
                throw new RejectedValue(parser, type, DATE_OUT_OF_RANGE);
            }
            return value;
        }
    }
}
