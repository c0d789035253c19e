package org.iopcare.acceptance;

/**
 * Someone who asks for help and may become a client.
 *
 * @param firstName first name
 * @param lastName last name
 * @param phone E.164 mobile number
 * @param email email address
 * @param preferredChannel {@code SMS} or {@code EMAIL}
 */
record Person(String firstName, String lastName, String phone, String email, String preferredChannel) {

    /** A person with a fictional 555-01xx number and a matching address, preferring SMS. */
    static Person numbered(String firstName, String lastName, int number) {
        return new Person(
                firstName,
                lastName,
                String.format("+1617555%04d", 100 + number),
                firstName.toLowerCase(java.util.Locale.ROOT) + "." + number + "@example.org",
                "SMS");
    }

    Person preferring(String channel) {
        return new Person(firstName, lastName, phone, email, channel);
    }
}
