package org.iopcare.intake.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InquiryStatusTest {

    @Test
    void onlyThePipelinesTransitionsAreAllowed() {
        List<String> allowed = new ArrayList<>();
        for (InquiryStatus from : InquiryStatus.values()) {
            for (InquiryStatus to : InquiryStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "NEW>CONTACTED",
                        "NEW>REFERRED_OUT",
                        "NEW>CLOSED",
                        "CONTACTED>SCREENING",
                        "CONTACTED>REFERRED_OUT",
                        "CONTACTED>CLOSED",
                        "SCREENING>ENROLLED",
                        "SCREENING>REFERRED_OUT",
                        "SCREENING>CLOSED");
    }
}
