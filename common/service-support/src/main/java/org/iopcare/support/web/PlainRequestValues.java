package org.iopcare.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The {@link PlainText} rule for what reaches a controller outside the body: query and form
 * parameters, path variables and the headers a handler binds. Checked before the handler's
 * arguments are resolved, so a NUL in a track code or a search term is a 400 that names the
 * parameter, not a failed query.
 */
class PlainRequestValues implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            if (!PlainText.isAcceptable(name)) {
                throw new RejectedRequestValue("parameter");
            }
            for (String value : values) {
                if (!PlainText.isAcceptable(value)) {
                    throw new RejectedRequestValue(RejectedRequestValue.shown(name));
                }
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && !PlainText.isAcceptable(text)) {
                    throw new RejectedRequestValue(String.valueOf(name));
                }
            });
        }
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                String name = header == null ? "" : header.name().isEmpty() ? header.value() : header.name();
                if (!name.isEmpty() && !PlainText.isAcceptable(request.getHeader(name))) {
                    throw new RejectedRequestValue(name);
                }
            }
        }
        return true;
    }
}
