package org.iopcare.console;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The services' codes as staff read them on a page: {@code ${@labels.of(item.kind())}}. */
@Component("labels")
public class Labels {

    /** "BELOW_WEEKLY_MINIMUM" → "Below weekly minimum". */
    public String of(@Nullable Object code) {
        if (code == null || code.toString().isEmpty()) {
            return "";
        }
        String words = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
