package org.iopcare.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.core.KafkaTemplate;

@AnalyzeClasses(packages = "org.iopcare.scheduling", importOptions = ImportOption.DoNotIncludeTests.class)
class SchedulingArchitectureTest {

    /** Bindings stay in one place, so the feature code can be tested and read without a broker. */
    @ArchTest
    static final ArchRule onlyMessagingTouchesSpringCloudStream = noClasses()
            .that()
            .resideOutsideOfPackage("org.iopcare.scheduling.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.cloud.stream..", "org.springframework.cloud.function..");

    /** Events leave only through the outbox; a direct send would be a dual write. */
    @ArchTest
    static final ArchRule nothingSendsToKafkaDirectly = noClasses()
            .should()
            .dependOnClassesThat()
            .areAssignableTo(KafkaTemplate.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(StreamBridge.class);

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("org.iopcare.scheduling.(*)..").should().beFreeOfCycles();
}
