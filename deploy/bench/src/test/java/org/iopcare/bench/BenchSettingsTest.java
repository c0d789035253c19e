package org.iopcare.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void everyPartByDefaultAndTheSmokeSizesWithSmoke() {
        BenchSettings full = BenchSettings.from(Options.parse(new String[0]));
        assertThat(full.parts()).containsExactlyElementsOf(BenchSettings.PARTS);
        assertThat(full.relayEvents()).isEqualTo(100_000);
        assertThat(full.inquiryP99Millis()).isEqualTo(50);

        BenchSettings smoke = BenchSettings.from(Options.parse(new String[] {"--smoke", "--relay-events=42"}));
        assertThat(smoke.relayEvents()).isEqualTo(42);
        assertThat(smoke.producerRecords()).isEqualTo(2_000);
    }

    @Test
    void aWelcomeDelayReachesNotificationAloneAndMustBeADuration() {
        BenchSettings enrollment = BenchSettings.from(Options.parse(new String[] {"--only=enrollment"}));
        Options shorter = Options.parse(new String[] {"--only=enrollment", "--welcome-delay=PT1S"});
        assertThat(PlatformSetup.services(enrollment, shorter))
                .filteredOn(
                        service -> service.environment().containsKey("IOPCARE_NOTIFICATION_REMINDERS_WELCOME_DELAY"))
                .singleElement()
                .satisfies(service -> {
                    assertThat(service.name()).isEqualTo("notification-service");
                    assertThat(service.environment())
                            .containsEntry("IOPCARE_NOTIFICATION_REMINDERS_WELCOME_DELAY", "PT1S");
                });
        assertThat(PlatformSetup.welcomeDelay(Options.parse(new String[0]))).isEmpty();
        assertThatThrownBy(() -> PlatformSetup.welcomeDelay(Options.parse(new String[] {"--welcome-delay=1s"})))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void aPartAloneStillMeasuresTheBaselineItIsComparedWith() {
        BenchSettings relay = BenchSettings.from(Options.parse(new String[] {"--only=relay"}));
        assertThat(relay.measures("inquiry")).isFalse();
        assertThat(relay.needsProducerBaseline()).isTrue();
        assertThat(relay.needsInsertBaseline()).isFalse();
    }

    @Test
    void theComparisonOfInstancesRunsOnlyWhenAskedFor() {
        BenchSettings full = BenchSettings.from(Options.parse(new String[0]));
        assertThat(full.measures(BenchSettings.INSTANCES)).isFalse();
        assertThat(full.instanceCounts()).isEmpty();

        BenchSettings two = BenchSettings.from(Options.parse(new String[] {"--only=relay", "--instances=2"}));
        assertThat(two.parts()).containsExactly("relay", "instances");
        assertThat(two.instanceCounts()).containsExactly(entry("intake", 2), entry("notification", 2));

        BenchSettings only = BenchSettings.from(Options.parse(new String[] {"--only=instances"}));
        assertThat(only.instancesOf(org.iopcare.local.ServiceSpec.NOTIFICATION)).isEqualTo(2);
        assertThat(BenchSettings.from(Options.parse(new String[] {"--instances=3", "--instances-of=notification"}))
                        .instanceCounts())
                .containsExactly(entry("notification", 3));
        assertThatThrownBy(() ->
                        BenchSettings.from(Options.parse(new String[] {"--instances=2", "--instances-of=scheduling"})))
                .hasMessageContaining("scheduling");
        assertThat(only.measures("inquiry")).isFalse();
        assertThat(PlatformSetup.services(only, Options.parse(new String[0])))
                .extracting(org.iopcare.local.ServiceSpec::name)
                .containsExactly("intake-service", "notification-service");

        assertThat(BenchSettings.from(Options.parse(new String[] {"--instances"}))
                        .instanceCounts())
                .containsEntry("notification", 2);
        assertThatThrownBy(() -> BenchSettings.from(Options.parse(new String[] {"--instances=1"})))
                .hasMessageContaining("2 to 4");
        assertThatThrownBy(() -> BenchSettings.from(Options.parse(new String[] {"--instances=5"})))
                .hasMessageContaining("2 to 4");
    }

    @Test
    void anUnknownPartIsRefused() {
        assertThatThrownBy(() -> BenchSettings.from(Options.parse(new String[] {"--only=relays"})))
                .hasMessageContaining("relays");
    }

    @Test
    void phonesAreNorthAmericanMobileNumbersDistinctWithinARun() {
        Phones phones = new Phones();
        Set<String> seen = new HashSet<>();
        Pattern nanp = Pattern.compile("\\+1(617|508|781|978|413|857|339|774)[2-5][0-9]{2}[0-9]{4}");
        for (int n = 0; n < 20_000; n++) {
            String number = phones.number(n);
            assertThat(number).matches(nanp);
            assertThat(number.substring(5, 8)).as("exchange").isNotIn("555", "211", "311", "411", "511");
            assertThat(seen.add(number)).as("%s repeated", number).isTrue();
        }
    }
}
