package org.iopcare.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The rules every service keeps. A service's architecture test imports them with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);}.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {}

    /** Bindings stay in one place, so the feature code can be tested and read without a broker. */
    @ArchTest
    static final ArchRule onlyMessagingTouchesSpringCloudStream = noClasses()
            .that()
            .resideOutsideOfPackage("org.iopcare.*.messaging..")
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

    /** Feature packages depend on each other in one direction only. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("org.iopcare.*.(*)..").should().beFreeOfCycles();
}
