package org.iopcare.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jakarta Mail finds its stream provider by name, not by searching the class path, once email is set up. */
class MailStreamsTest {

    private final String before = System.getProperty(MailStreams.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(MailStreams.PROPERTY);
        } else {
            System.setProperty(MailStreams.PROPERTY, before);
        }
    }

    @Test
    void angusMailsProviderIsNamedAndIsWhatJakartaMailUses() {
        System.clearProperty(MailStreams.PROPERTY);

        MailStreams.nameProvider();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
    }

    @Test
    void aProviderTheOperatorNamedIsKept() {
        System.setProperty(MailStreams.PROPERTY, "org.example.OwnStreamProvider");

        MailStreams.nameProvider();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("org.example.OwnStreamProvider");
    }
}
