package org.iopcare.intake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iopcare.intake.client.SearchText.Kind;
import org.iopcare.support.web.ProblemException;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void aNameIsALowerCasedPrefixWithItsSpacesCollapsed() {
        assertThat(SearchText.of("  Sam \t RIV ")).isEqualTo(new SearchText(Kind.NAME, "sam riv%"));
        assertThat(SearchText.of("O'Brien")).isEqualTo(new SearchText(Kind.NAME, "o'brien%"));
    }

    @Test
    void likeWildcardsAndTheEscapeCharacterAreSearchedAsWritten() {
        assertThat(SearchText.of("a_b%c\\d").pattern()).isEqualTo("a\\_b\\%c\\\\d%");
        assertThat(SearchText.of("sam_r@Example.org")).isEqualTo(new SearchText(Kind.EMAIL, "sam\\_r@example.org%"));
    }

    @Test
    void aPhoneInAnyFormatIsItsReversedDigitsWithoutTrunkOrInternationalPrefix() {
        String reversed = "0010555716%";
        assertThat(SearchText.of("(617) 555-0100")).isEqualTo(new SearchText(Kind.PHONE, reversed));
        assertThat(SearchText.of("617.555.0100").pattern()).isEqualTo(reversed);
        assertThat(SearchText.of("+1 617 555 0100").pattern()).isEqualTo("00105557161%");
        assertThat(SearchText.of("001 617/555/0100").pattern()).isEqualTo("00105557161%");
        assertThat(SearchText.of("0100").pattern()).isEqualTo("0010%");
        assertThat(SearchText.of("020 7946 0000").pattern()).isEqualTo("0000649702%");
        assertThat(SearchText.of("5550100").pattern()).isEqualTo("0010555%");
    }

    @Test
    void punctuationWithoutDigitsIsAName() {
        assertThat(SearchText.of("()").kind()).isEqualTo(Kind.NAME);
        assertThat(SearchText.of("--").kind()).isEqualTo(Kind.NAME);
    }

    @Test
    void tooShortASearchIsRefused() {
        for (String q : new String[] {"", " ", "a", "  a  ", "(61) 7", "012"}) {
            assertThatThrownBy(() -> SearchText.of(q)).as(q).isInstanceOf(ProblemException.class);
        }
    }
}
