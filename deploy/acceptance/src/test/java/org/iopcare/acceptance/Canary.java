package org.iopcare.acceptance;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up health information that can be found again: a random token that appears nowhere else,
 * worked into a name, an email address, free text and a phone number, so that a search of every log
 * file for it shows whether any of it was written there.
 *
 * @param token letters and digits, e.g. {@code Canaryq7x2k9}
 * @param phone an E.164 number that passes validation, with seven random digits
 */
record Canary(String token, String phone) {

    static Canary random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder token = new StringBuilder("Canary");
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        for (int i = 0; i < 10; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        // Denver numbers: an exchange 200-999 (not N11) and any line, valid for libphonenumber
        int exchange = 200 + random.nextInt(800);
        if (exchange % 100 == 11) {
            exchange++;
        }
        String phone = String.format(Locale.ROOT, "+1303%03d%04d", exchange, random.nextInt(10_000));
        return new Canary(token.toString(), phone);
    }

    String firstName() {
        return token;
    }

    String lastName() {
        return token + "son";
    }

    /** Mixed case on purpose: a log that lower-cases addresses must still be caught. */
    String email() {
        return token + ".client@example.org";
    }

    /** Free text as a clinician would write it, with the token in it. */
    String note(String what) {
        return what + " for " + token + ": low mood, sleeps badly";
    }

    /** What is searched for: the token in any case, and the phone's digits with or without the '+'. */
    List<String> needles() {
        return List.of(token.toLowerCase(Locale.ROOT), phone.substring(2));
    }

    Person person(String channel) {
        return new Person(firstName(), lastName(), phone, email(), channel);
    }
}
