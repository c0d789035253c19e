package org.iopcare.console;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are.
 *
 * @param intake intake-service's base URL
 * @param scheduling scheduling-service's base URL
 * @param treatmentPlan treatment-plan-service's base URL
 * @param notification notification-service's base URL
 * @param clinicZone the clinic's time zone: every date and time on a page is shown in it
 */
@ConfigurationProperties("iopcare.console")
public record ConsoleProperties(
        @DefaultValue("http://127.0.0.1:8081") URI intake,
        @DefaultValue("http://127.0.0.1:8082") URI scheduling,
        @DefaultValue("http://127.0.0.1:8083") URI treatmentPlan,
        @DefaultValue("http://127.0.0.1:8084") URI notification,
        @DefaultValue("America/New_York") java.time.ZoneId clinicZone) {

    /** The four services, in the order the console lists their work. */
    public List<Service> services() {
        return List.of(
                new Service("intake", intake),
                new Service("scheduling", scheduling),
                new Service("treatment-plan", treatmentPlan),
                new Service("notification", notification));
    }

    /** One service's name and base URL. */
    public record Service(String name, URI baseUrl) {}
}
