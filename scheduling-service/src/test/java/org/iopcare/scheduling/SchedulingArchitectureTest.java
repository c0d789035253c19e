package org.iopcare.scheduling;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.iopcare.testsupport.ServiceArchitecture;

/** Events leave only through the outbox, only messaging touches Spring Cloud Stream, no cycles. */
@AnalyzeClasses(packages = "org.iopcare.scheduling", importOptions = ImportOption.DoNotIncludeTests.class)
class SchedulingArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);
}
