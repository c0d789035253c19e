package org.iopcare.support.staff;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the token claims of every authenticated request into the staff directory. */
@Configuration(proxyBeanMethods = false)
public class StaffDirectoryConfiguration implements WebMvcConfigurer {

    private final StaffDirectory directory;

    StaffDirectoryConfiguration(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the audit trail's interceptor (first of all): nothing is learned from a request
        // that was refused for want of its audit record
        registry.addInterceptor(new StaffClaims(directory));
    }
}
