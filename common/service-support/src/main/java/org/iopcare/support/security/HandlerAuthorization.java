package org.iopcare.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Evaluates a handler's {@code @PreAuthorize} before MVC resolves its arguments. Method security
 * runs only when the handler is invoked, after the body was read and validated, so a role without
 * access was told "400: these fields are invalid" — a description of the endpoint it may not use.
 * Here the same expression decides first and a refusal is a 403 whatever the body holds. An
 * expression that refers to the method's arguments ({@code #name}) cannot be decided before they
 * exist; it is left to method security, which still runs for every handler.
 */
class HandlerAuthorization implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager;

    HandlerAuthorization(PreAuthorizeAuthorizationManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !decidableBeforeArguments(method)) {
            return true;
        }
        Method target = method.getMethod();
        SimpleMethodInvocation invocation =
                new SimpleMethodInvocation(method.getBean(), target, new Object[target.getParameterCount()]);
        AuthorizationResult result =
                manager.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), invocation);
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }

    private static boolean decidableBeforeArguments(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        return rule != null && !rule.value().contains("#");
    }
}
