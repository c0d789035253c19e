package org.iopcare.treatmentplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Treatment plans and their versions, reviews and measurement-based care. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TreatmentPlanApplication {

    public static void main(String[] args) {
        SpringApplication.run(TreatmentPlanApplication.class, args);
    }
}
