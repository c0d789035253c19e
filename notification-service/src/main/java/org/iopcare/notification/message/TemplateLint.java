package org.iopcare.notification.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a template and its rendered sample: no deny-listed word (whole words, any case) in
 * either, and an SMS no longer than the limit. Findings name the template and the word, never a
 * recipient.
 */
final class TemplateLint {

    private final List<Pattern> denied = new ArrayList<>();
    private final List<String> words;
    private final int smsMaxLength;

    TemplateLint(List<String> denyList, int smsMaxLength) {
        this.words = List.copyOf(denyList);
        for (String word : words) {
            // letters or digits must not continue the word on either side; spaces inside a phrase
            // match any run of white space, so a line break does not hide "mental\nhealth"
            String body = Pattern.quote(word.strip()).replace(" ", "\\E\\s+\\Q");
            denied.add(Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        this.smsMaxLength = smsMaxLength;
    }

    /** Everything wrong with one template; empty when it may be used. */
    List<String> check(String name, Channel channel, String template, String rendered) {
        return check(name, channel, template, rendered, java.util.Set.of());
    }

    /** As above, except for the deny-listed words in {@code allowed} (lower case). */
    List<String> check(String name, Channel channel, String template, String rendered, java.util.Set<String> allowed) {
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < denied.size(); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            if (allowed.contains(word.strip())) {
                continue;
            }
            if (denied.get(i).matcher(template).find()) {
                findings.add(name + ": template contains the denied word '" + word + "'");
            } else if (denied.get(i).matcher(rendered).find()) {
                findings.add(name + ": rendered sample contains the denied word '" + word + "'");
            }
        }
        if (channel == Channel.SMS && rendered.length() > smsMaxLength) {
            findings.add(name + ": rendered sample is " + rendered.length() + " characters, more than the SMS limit of "
                    + smsMaxLength);
        }
        return findings;
    }
}
