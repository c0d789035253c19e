package org.iopcare.notification.delivery;

/**
 * Names Angus Mail's stream provider to Jakarta Mail once, so that reading and writing a message's
 * headers stops searching the class path.
 *
 * <p>Jakarta Mail 2.1 asks {@code StreamProvider.provider()} for its provider on every header it
 * parses or encodes ({@code InternetHeaders}, {@code MimeUtility}), and without the system property
 * {@value #PROPERTY} each ask is a {@code ServiceLoader} search through every jar on the class path
 * (jakartaee/mail-api#861). Under the dispatch benchmark that search was a third of
 * notification-service's CPU, in the sends and in the local run's SMTP sandbox alike. With the
 * property set, each ask loads an already loaded class by name and calls its constructor. A value
 * set by the operator ({@code -D}) is kept.
 */
final class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {}

    /** Sets {@value #PROPERTY} to Angus Mail's provider when nothing else is set and Angus is present. */
    static void nameProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreams.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return; // another Jakarta Mail implementation: its own service entry is found as before
        }
        System.setProperty(PROPERTY, ANGUS);
    }
}
