package org.iopcare.support.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of the web layer reads request bodies with the {@link BoundedInputModule}.
 * Only HTTP bodies get the rule: events between the services are read with the plain mapper, so a
 * value stored before the rule existed can never turn an event into poison.
 */
class RequestJsonConverter implements ServerHttpMessageConvertersCustomizer {

    private final JsonMapper json;

    RequestJsonConverter(JsonMapper json) {
        this.json = json.rebuild().addModule(new BoundedInputModule()).build();
    }

    @Override
    public void customize(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(json));
    }
}
