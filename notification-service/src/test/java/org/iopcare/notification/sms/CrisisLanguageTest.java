package org.iopcare.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iopcare.notification.message.CrisisProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CrisisLanguageTest {

    private final CrisisLanguage defaults = new CrisisLanguage(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("iopcare.notification.crisis", CrisisProperties.class));

    @Test
    void findsThePhrasesWhateverTheCaseSpacingAndPunctuation() {
        assertThat(List.of(
                        "I want to die",
                        "i WANT  to\tdie!!",
                        "honestly... want to... die",
                        "Thinking about suicide.",
                        "feeling suicidal tonight",
                        "I'm going to kill-myself",
                        "KILL MYSELF",
                        "i just want to end my life",
                        "took an overdose",
                        "I overdosed last night",
                        "I might hurt myself",
                        "sui\u0301cidal",
                        "don\u2019t care, want to die"))
                .allSatisfy(text -> assertThat(defaults.isCrisis(text)).as(text).isTrue());
    }

    @Test
    void ordinaryRepliesAreNotCrisis() {
        assertThat(List.of(
                        "2",
                        "ok",
                        "YES",
                        "running late today",
                        "can we move my appointment?",
                        "I killed it at work today",
                        "my life is busy, call me later",
                        "dying to see you all",
                        "suicidewatch",
                        "",
                        "   "))
                .allSatisfy(text -> assertThat(defaults.isCrisis(text)).as(text).isFalse());
        assertThat(defaults.isCrisis(null)).isFalse();
    }

    /**
     * Over-triggering is the chosen side: "overdosed" is a crisis word even when the rest of the
     * sentence makes it harmless. A person reads it, the client gets a kind answer with 988.
     */
    @Test
    void aHarmlessSentenceWithACrisisWordIsTreatedAsCrisis() {
        assertThat(defaults.isCrisis("I overdosed on pizza lol")).isTrue();
        assertThat(defaults.isCrisis("that movie was suicide-level boring")).isTrue();
    }

    @Test
    void aConfiguredListReplacesTheDefaults() {
        CrisisLanguage configured = new CrisisLanguage(new CrisisProperties(List.of("No  Way Out!", " "), null));
        assertThat(configured.isCrisis("there is no way out")).isTrue();
        assertThat(configured.isCrisis("I want to die")).isFalse();
    }
}
