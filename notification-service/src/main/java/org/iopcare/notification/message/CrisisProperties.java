package org.iopcare.notification.message;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Crisis language in a client's SMS reply and the automatic answer to it.
 *
 * @param phrases words and phrases that mark a reply as crisis (case-insensitive, whole words,
 *     punctuation and repeated spaces ignored); a list replaces the defaults. The defaults
 *     over-trigger on purpose ("overdosed" also in "I overdosed on pizza"): a needless answer and
 *     flag cost a minute of staff time, a missed one can cost a life
 * @param reply the answer's text (Mustache, {@code {{clinicPhone}}} and {@code {{clinicName}}});
 *     null: {@code templates/crisis_reply/sms.mustache}. Checked at start-up like every template
 *     (deny-list except "suicide", SMS length)
 */
@Validated
@ConfigurationProperties("iopcare.notification.crisis")
public record CrisisProperties(
        @NotEmpty
        @DefaultValue({
            "suicide",
            "suicidal",
            "kill myself",
            "killing myself",
            "end my life",
            "end it all",
            "want to die",
            "wanna die",
            "better off dead",
            "overdose",
            "overdosed",
            "overdosing",
            "hurt myself",
            "hurting myself",
            "self harm"
        })
        List<String> phrases,

        @Nullable String reply) {}
