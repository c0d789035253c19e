package org.iopcare.intake.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.iopcare.support.web.ProblemException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits submissions of the public inquiry form per client address. It runs before the body is
 * read, so malformed and invalid submissions count too. Staff taking an inquiry by phone (a request
 * with a valid staff token, e.g. from the staff console, whose address is the same for the whole
 * clinic) are not limited: they are identified and audited. The address is the request's remote
 * address: Tomcat has already taken it from {@code X-Forwarded-For} when, and only when, the peer
 * is a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Configuration(proxyBeanMethods = false)
class InquiryRateLimit implements WebMvcConfigurer {

    private final RateLimitProperties properties;
    private final Clock clock;

    InquiryRateLimit(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (!properties.enabled()) {
            return;
        }
        TokenBuckets buckets =
                new TokenBuckets(properties.requests(), properties.per(), properties.maxTrackedAddresses(), clock);
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (!"POST".equals(request.getMethod()) || byStaff()) {
                            return true;
                        }
                        TokenBuckets.Decision decision = buckets.take(request.getRemoteAddr());
                        if (!decision.allowed()) {
                            throw new TooManyRequests(decision.retryAfterSeconds());
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/inquiries");
    }

    /** Whether the request carried a valid staff token (the resource server checked it before). */
    private static boolean byStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken && authentication.isAuthenticated();
    }

    /** 429 with {@code Retry-After} in seconds. */
    static final class TooManyRequests extends ProblemException {

        TooManyRequests(long retryAfterSeconds) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    "Too many inquiries from this address; try again in " + retryAfterSeconds + " seconds");
            getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        }
    }
}
