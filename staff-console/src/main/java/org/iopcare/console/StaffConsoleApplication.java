package org.iopcare.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The staff console: pages rendered on the server from the four services' public APIs, called with
 * the signed-in staff member's token, which stays in the server-side session and never reaches the
 * browser. It keeps no health information of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StaffConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffConsoleApplication.class, args);
    }
}
