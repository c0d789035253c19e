package org.iopcare.testsupport;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * What every service's web-slice tests ({@code @WebMvcTest}) share: the services' own JWT resource
 * server trusting {@link TestTokens}, without the broker or the database, and the checks of a
 * problem response.
 */
public final class WebSlices {

    private WebSlices() {}

    /** Makes the slice's security trust {@link TestTokens}, as {@link Infrastructure#register} does. */
    public static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add("iopcare.security.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("iopcare.security.jwt.audience", () -> TestTokens.AUDIENCE);
    }

    /** An RFC 9457 problem response with this status. */
    public static ResultMatcher problem(int status) {
        return all(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status));
    }

    /**
     * A 400 validation problem that names this field among its errors: a body field or a parameter
     * (as {@code name}, or {@code method.name} when the controller's method validation refused it).
     */
    public static ResultMatcher invalidField(String field) {
        return all(problem(400), jsonPath("$.errors[*].field", hasItem(anyOf(equalTo(field), endsWith("." + field)))));
    }

    /** A problem response of this status and type ({@code https://iopcare.org/problems/<type>}). */
    public static ResultMatcher problem(int status, String type) {
        return all(problem(status), jsonPath("$.type").value("https://iopcare.org/problems/" + type));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
