package org.iopcare.intake.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.iopcare.events.LevelOfCare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The shipped rules table (application.yaml): every path, every threshold's boundary. */
class RecommendationTest {

    static final LevelOfCareRules TABLE = shipped();

    static LevelOfCareRules shipped() {
        try {
            var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("iopcare.intake.level-of-care", LevelOfCareRules.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mutable stand-in for the answers, starting from "nothing of note". */
    static final class Facts {
        int withdrawal, biomedical, emotional, readiness, relapse, environment, phq9, gad7, item9;
        CurrentCare care = CurrentCare.NONE;
        boolean recentRelapse, coOccurring, suicidalIntent, recentAttempt, homicidal;

        ScreeningFacts build() {
            return new ScreeningFacts(
                    new ScreeningRequest.Ratings(withdrawal, biomedical, emotional, readiness, relapse, environment),
                    phq9,
                    gad7,
                    item9,
                    care,
                    recentRelapse,
                    coOccurring,
                    suicidalIntent,
                    recentAttempt,
                    homicidal);
        }
    }

    static Recommendation recommend(UnaryOperator<Facts> change) {
        return Recommendation.of(change.apply(new Facts()).build(), TABLE);
    }

    static Arguments path(String code, LevelOfCare level, UnaryOperator<Facts> fires, UnaryOperator<Facts> justBelow) {
        return Arguments.of(code, level, fires, justBelow);
    }

    static Stream<Arguments> everyRule() {
        return Stream.of(
                path(
                        "SUICIDAL_INTENT",
                        LevelOfCare.CRISIS,
                        f -> {
                            f.suicidalIntent = true;
                            return f;
                        },
                        f -> f),
                path(
                        "HOMICIDAL_IDEATION",
                        LevelOfCare.CRISIS,
                        f -> {
                            f.homicidal = true;
                            return f;
                        },
                        f -> f),
                path(
                        "RECENT_SUICIDE_ATTEMPT",
                        LevelOfCare.INPATIENT,
                        f -> {
                            f.recentAttempt = true;
                            return f;
                        },
                        f -> f),
                path(
                        "WITHDRAWAL_RISK_SEVERE",
                        LevelOfCare.INPATIENT,
                        f -> {
                            f.withdrawal = 4;
                            return f;
                        },
                        f -> {
                            f.withdrawal = 3;
                            return f;
                        }),
                path(
                        "BIOMEDICAL_RISK_SEVERE",
                        LevelOfCare.INPATIENT,
                        f -> {
                            f.biomedical = 4;
                            return f;
                        },
                        f -> {
                            f.biomedical = 3;
                            return f;
                        }),
                path(
                        "EMOTIONAL_RISK_SEVERE",
                        LevelOfCare.INPATIENT,
                        f -> {
                            f.emotional = 4;
                            return f;
                        },
                        f -> {
                            f.emotional = 3;
                            return f;
                        }),
                path(
                        "WITHDRAWAL_RISK_HIGH",
                        LevelOfCare.PHP,
                        f -> {
                            f.withdrawal = 3;
                            return f;
                        },
                        f -> {
                            f.withdrawal = 2;
                            return f;
                        }),
                path(
                        "BIOMEDICAL_RISK_HIGH",
                        LevelOfCare.PHP,
                        f -> {
                            f.biomedical = 3;
                            return f;
                        },
                        f -> {
                            f.biomedical = 2;
                            return f;
                        }),
                path(
                        "EMOTIONAL_RISK_HIGH",
                        LevelOfCare.PHP,
                        f -> {
                            f.emotional = 3;
                            return f;
                        },
                        f -> {
                            f.emotional = 2;
                            return f;
                        }),
                path(
                        "DEPRESSION_SEVERE",
                        LevelOfCare.PHP,
                        f -> {
                            f.phq9 = 20;
                            return f;
                        },
                        f -> {
                            f.phq9 = 19;
                            return f;
                        }),
                path(
                        "STEP_DOWN_FROM_INPATIENT",
                        LevelOfCare.PHP,
                        f -> {
                            f.care = CurrentCare.INPATIENT;
                            return f;
                        },
                        f -> {
                            f.care = CurrentCare.OUTPATIENT;
                            return f;
                        }),
                path(
                        "DEPRESSION_MODERATE",
                        LevelOfCare.IOP,
                        f -> {
                            f.phq9 = 10;
                            return f;
                        },
                        f -> {
                            f.phq9 = 9;
                            return f;
                        }),
                path(
                        "ANXIETY_MODERATE",
                        LevelOfCare.IOP,
                        f -> {
                            f.gad7 = 10;
                            return f;
                        },
                        f -> {
                            f.gad7 = 9;
                            return f;
                        }),
                path(
                        "EMOTIONAL_RISK_MODERATE",
                        LevelOfCare.IOP,
                        f -> {
                            f.emotional = 2;
                            return f;
                        },
                        f -> {
                            f.emotional = 1;
                            return f;
                        }),
                path(
                        "RELAPSE_POTENTIAL_HIGH",
                        LevelOfCare.IOP,
                        f -> {
                            f.relapse = 3;
                            return f;
                        },
                        f -> {
                            f.relapse = 2;
                            return f;
                        }),
                path(
                        "RECOVERY_ENVIRONMENT_UNSUPPORTIVE",
                        LevelOfCare.IOP,
                        f -> {
                            f.environment = 3;
                            return f;
                        },
                        f -> {
                            f.environment = 2;
                            return f;
                        }),
                path(
                        "RECENT_RELAPSE",
                        LevelOfCare.IOP,
                        f -> {
                            f.recentRelapse = true;
                            return f;
                        },
                        f -> f),
                path(
                        "CO_OCCURRING_DISORDERS",
                        LevelOfCare.IOP,
                        f -> {
                            f.coOccurring = true;
                            return f;
                        },
                        f -> f),
                path(
                        "STEP_DOWN_FROM_PHP",
                        LevelOfCare.IOP,
                        f -> {
                            f.care = CurrentCare.PHP;
                            return f;
                        },
                        f -> {
                            f.care = CurrentCare.IOP;
                            return f;
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void eachRuleFiresAtItsThresholdAndNotBelow(
            String code, LevelOfCare level, UnaryOperator<Facts> fires, UnaryOperator<Facts> justBelow) {
        Recommendation fired = recommend(fires);
        assertThat(fired.level()).isEqualTo(level);
        assertThat(fired.reasonCodes()).containsExactly(code);

        Recommendation below = recommend(justBelow);
        assertThat(below.reasonCodes()).doesNotContain(code);
        // Just below the threshold, a less intensive level (LevelOfCare is most intensive first).
        assertThat(below.level()).isGreaterThan(level);
    }

    @Test
    void everyRuleOfTheShippedTableIsCovered() {
        assertThat(everyRule().map(a -> (String) a.get()[0]).toList())
                .containsExactlyInAnyOrderElementsOf(
                        TABLE.rules().stream().map(LevelOfCareRules.Rule::code).toList());
    }

    @Test
    void nothingOfNoteIsOutpatient() {
        Recommendation none = recommend(f -> f);
        assertThat(none.level()).isEqualTo(LevelOfCare.OUTPATIENT);
        assertThat(none.reasonCodes()).containsExactly("NO_INTENSIVE_NEED");
        assertThat(none.urgent()).isFalse();
    }

    @Test
    void theMostIntensiveLevelWinsWithAllItsReasonsInTableOrder() {
        Recommendation r = recommend(f -> {
            f.phq9 = 22;
            f.withdrawal = 3;
            f.recentRelapse = true;
            f.care = CurrentCare.PHP;
            return f;
        });
        assertThat(r.level()).isEqualTo(LevelOfCare.PHP);
        assertThat(r.reasonCodes()).containsExactly("WITHDRAWAL_RISK_HIGH", "DEPRESSION_SEVERE");

        Recommendation crisis = recommend(f -> {
            f.withdrawal = 4;
            f.homicidal = true;
            f.suicidalIntent = true;
            return f;
        });
        assertThat(crisis.level()).isEqualTo(LevelOfCare.CRISIS);
        assertThat(crisis.reasonCodes()).containsExactly("SUICIDAL_INTENT", "HOMICIDAL_IDEATION");
        assertThat(crisis.urgent()).isTrue();
    }

    @Test
    void phq9Item9AboveZeroIsUrgentWhateverTheLevel() {
        assertThat(recommend(f -> {
                            f.item9 = 1;
                            f.phq9 = 1;
                            return f;
                        })
                        .urgent())
                .isTrue();
        Recommendation iop = recommend(f -> {
            f.item9 = 3;
            f.phq9 = 12;
            return f;
        });
        assertThat(iop.urgent()).isTrue();
        assertThat(iop.level()).isEqualTo(LevelOfCare.IOP);
        assertThat(recommend(f -> {
                            f.item9 = 0;
                            f.phq9 = 27;
                            return f;
                        })
                        .urgent())
                .isFalse();
        assertThat(recommend(f -> {
                            f.recentAttempt = true;
                            return f;
                        })
                        .urgent())
                .isFalse();
    }

    @Test
    void aCustomTableIsAppliedAsConfigured() {
        LevelOfCareRules table = new LevelOfCareRules(
                List.of(new LevelOfCareRules.Rule(
                        "ANY_ANXIETY",
                        LevelOfCare.IOP,
                        new LevelOfCareRules.When(
                                null,
                                java.util.Map.of(RiskArea.READINESS, 1),
                                null,
                                null,
                                5,
                                9,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))),
                LevelOfCare.OUTPATIENT,
                "NONE_FIRED");
        Facts f = new Facts();
        f.gad7 = 5;
        assertThat(Recommendation.of(f.build(), table).reasonCodes()).containsExactly("ANY_ANXIETY");
        f.gad7 = 10;
        assertThat(Recommendation.of(f.build(), table).reasonCodes()).containsExactly("NONE_FIRED");
        f.gad7 = 9;
        f.readiness = 2;
        assertThat(Recommendation.of(f.build(), table).level()).isEqualTo(LevelOfCare.OUTPATIENT);
    }

    @ParameterizedTest
    @CsvSource({
        "0,MINIMAL",
        "4,MINIMAL",
        "5,MILD",
        "9,MILD",
        "10,MODERATE",
        "14,MODERATE",
        "15,MODERATELY_SEVERE",
        "19,MODERATELY_SEVERE",
        "20,SEVERE",
        "27,SEVERE"
    })
    void phq9Bands(int score, Phq9Band band) {
        assertThat(Phq9Band.of(score)).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({"0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE", "15,SEVERE", "21,SEVERE"})
    void gad7Bands(int score, Gad7Band band) {
        assertThat(Gad7Band.of(score)).isEqualTo(band);
    }

    @Test
    void scoresOutOfRangeAreRefused() {
        assertThatThrownBy(() -> Phq9Band.of(28)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Phq9Band.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gad7Band.of(22)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factsSumTheAnswersAndTakeItem9Last() {
        ScreeningFacts facts = ScreeningFacts.of(new ScreeningRequest(
                new ScreeningRequest.Ratings(0, 0, 0, 0, 0, 0),
                List.of(3, 3, 3, 3, 3, 3, 3, 3, 2),
                List.of(1, 1, 1, 1, 1, 1, 1),
                CurrentCare.NONE,
                false,
                false,
                new ScreeningRequest.Safety(false, false, false)));
        assertThat(facts.phq9Score()).isEqualTo(26);
        assertThat(facts.phq9Item9()).isEqualTo(2);
        assertThat(facts.gad7Score()).isEqualTo(7);
    }
}
