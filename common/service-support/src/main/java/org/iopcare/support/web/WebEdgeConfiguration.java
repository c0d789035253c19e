package org.iopcare.support.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every service applies to what a client sends, once, at the edge: bodies within size,
 * parameters decodable, text without control characters, dates within bounds, and every refusal —
 * from MVC, a filter or the container itself — a problem response that repeats nothing the client
 * sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebLimits.class)
public class WebEdgeConfiguration implements WebMvcConfigurer {

    /** After the filter that hides the local tools, before the security filter chain. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    /** After the audit trail and the handler authorization (see their configurations). */
    public static final int VALUE_CHECK_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new BoundedDateFormats());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PlainRequestValues()).order(VALUE_CHECK_ORDER);
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** After Boot's own JSON converter customizer (order 0), so this converter is the one used. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer boundedRequestJson(JsonMapper json) {
        return new RequestJsonConverter(json);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(WebLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(limits.maxRequestSize().toBytes(), problems));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestParameters> requestParameters(ProblemWriter problems) {
        FilterRegistrationBean<RequestParameters> registration =
                new FilterRegistrationBean<>(new RequestParameters(problems));
        registration.setOrder(FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ProblemInstances problemInstances() {
        return new ProblemInstances();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    static class ContainerErrors {

        @Bean
        ContainerErrorReports containerErrorReports(JsonMapper json) {
            return new ContainerErrorReports(json);
        }
    }
}
