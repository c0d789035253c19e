package org.iopcare.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link HandlerAuthorization} right after the audit trail on every handler. */
@Configuration(proxyBeanMethods = false)
public class HandlerAuthorizationConfiguration implements WebMvcConfigurer {

    /** After the audit trail, so a refusal is on record too. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

    HandlerAuthorizationConfiguration(
            ApplicationContext context, ObjectProvider<MethodSecurityExpressionHandler> expressions) {
        manager.setExpressionHandler(expressions.getIfAvailable(() -> {
            DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
            handler.setApplicationContext(context);
            return handler;
        }));
        manager.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerAuthorization(manager)).order(ORDER);
    }
}
