package org.iopcare.intake.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

class InquiryTest {

    @Test
    void springDataReadsTheVersionThroughAGetter() {
        // Without one, its check for a new inquiry throws and catches an exception on every POST.
        assertThat(BeanUtils.getPropertyDescriptor(Inquiry.class, "version").getReadMethod())
                .isNotNull();
    }
}
