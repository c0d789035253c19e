package org.iopcare.treatmentplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javax.sql.DataSource;
import org.iopcare.support.security.StaffRole;
import org.iopcare.testsupport.TestTokens;
import org.iopcare.testsupport.fuzz.ApiFuzzer;
import org.iopcare.testsupport.fuzz.FuzzReport;
import org.iopcare.testsupport.fuzz.SchemaState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every operation in treatment-plan's API description gets bad input with a token holding every
 * staff role: no answer may be 5xx, every 4xx is a problem response, and a refused write leaves
 * the treatment_plan schema as it was (see {@link ApiFuzzer}). Plans only come from enrollment
 * events, so path ids are unknown here and body values are refused or reach the lookup.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiFuzzIT extends TreatmentPlanIT {

    // audit_log: a row is appended for refused requests too, by design. outbox_event: the relay
    // deletes rows once published, at any moment after an accepted write. processed_event:
    // consumer claims, written by the listeners, never by a request.
    static final Set<String> BOOKKEEPING = Set.of("audit_log", "outbox_event", "processed_event");

    @Autowired
    DataSource dataSource;

    @Test
    void noBadInputIsAnsweredWithAServerErrorOrChangesTheDatabaseWhenRefused(CapturedOutput output) {
        FuzzReport report = ApiFuzzer.of("treatment-plan-service", port)
                // every staff role, and the SMART scope of the FHIR read API so that its searches are reached
                .authorization(TestTokens.smartBearerFor("staff-test", "user/*.read", StaffRole.values()))
                .state(new SchemaState(dataSource, "treatment_plan", BOOKKEEPING))
                .serviceLog(output::getOut)
                .reportTo(Path.of("target", "fuzz", "treatment-plan-service.txt"))
                .run();

        System.out.println(report.summary());
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(8);
        report.assertNoViolations();
    }
}
