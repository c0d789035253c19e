package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The minimum-necessary rule as a client sees it: a message names the clinic, a time and a phone
 * number, never a diagnosis, a program or group name, or words that reveal mental-health or
 * substance-use treatment (42 CFR Part 2 / HIPAA).
 */
final class ClientFacingText {

    private static final List<Pattern> DENIED = List.of(
                    "\\bIOP\\b",
                    "intensive outpatient",
                    "therap",
                    "recovery",
                    "detox",
                    "substance",
                    "addict",
                    "alcohol",
                    "rehab",
                    "depress",
                    "anxiety",
                    "mental health",
                    "psychiatr",
                    "treatment",
                    "diagnos",
                    "suicid",
                    "PHQ",
                    "GAD",
                    "ACC-")
            .stream()
            .map(word -> Pattern.compile(word, Pattern.CASE_INSENSITIVE))
            .toList();

    private ClientFacingText() {}

    /** Fails when {@code text} reveals care, or names any of {@code alsoDenied} (e.g. the track). */
    static void assertRevealsNothing(String what, String text, List<String> alsoDenied) {
        for (Pattern word : DENIED) {
            assertThat(word.matcher(text).find())
                    .as("%s must not contain /%s/: %s", what, word.pattern(), text)
                    .isFalse();
        }
        for (String word : alsoDenied) {
            assertThat(text.toLowerCase(Locale.ROOT))
                    .as("%s must not name %s", what, word)
                    .doesNotContain(word.toLowerCase(Locale.ROOT));
        }
    }
}
