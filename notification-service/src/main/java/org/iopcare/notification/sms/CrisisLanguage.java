package org.iopcare.notification.sms;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iopcare.notification.message.CrisisProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a client's text contains crisis language ({@code iopcare.notification.crisis.phrases}):
 * case-insensitive, on word boundaries, whatever punctuation or spacing sits between the words of
 * a phrase ("Kill... myself", "END  my  life!!"), curly apostrophes and accents folded. Whole words
 * only: "suicide" is not found in "suicidewatch", nor "overdose" in "overdosed" unless that form is
 * listed too (the defaults list it). Over-triggering is accepted on purpose; see
 * {@link CrisisProperties}.
 */
@Component
class CrisisLanguage {

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<String> phrases;

    CrisisLanguage(CrisisProperties properties) {
        this.phrases = properties.phrases().stream()
                .map(CrisisLanguage::normalized)
                .filter(phrase -> !phrase.isBlank())
                .map(phrase -> " " + phrase + " ")
                .toList();
    }

    boolean isCrisis(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String words = " " + normalized(text) + " ";
        return phrases.stream().anyMatch(words::contains);
    }

    /** Lower case, accents removed, apostrophes dropped ("don't" = "dont"), every other non-word run one space. */
    static String normalized(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("['\u2019\u2018`]", "")
                .toLowerCase(Locale.ROOT);
        return NOT_A_WORD_CHARACTER.matcher(folded).replaceAll(" ").strip();
    }
}
