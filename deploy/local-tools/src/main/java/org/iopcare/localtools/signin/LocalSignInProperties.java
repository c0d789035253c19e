package org.iopcare.localtools.signin;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the persona sign-in reads of the console's settings.
 *
 * @param intake intake-service's base URL, whose token desk ({@code /dev/tokens}) mints the tokens
 * @param personas the staff members the sign-in page offers
 */
@ConfigurationProperties("iopcare.console")
record LocalSignInProperties(
        @DefaultValue("http://127.0.0.1:8081") URI intake,
        @DefaultValue List<Persona> personas) {

    /**
     * A staff member of the local run's directory.
     *
     * @param staffId the token's subject, as the services' staff directory knows it
     * @param title what the sign-in page shows ("Dana Whitfield, intake coordinator")
     * @param roles the staff roles of the token
     */
    record Persona(String staffId, String title, List<String> roles) {}
}
