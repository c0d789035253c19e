package org.iopcare.localtools.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The local run's SMTP server: an in-process GreenMail, SMTP only, on {@code sandbox.smtp-port},
 * started and stopped with the context. It accepts every recipient without login; {@code GET
 * /sandbox/email} shows what it received. It listens on the loopback interface only (the service is
 * its only client), whatever address the service itself listens on.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalSmtpServer {

    private static final Logger log = LoggerFactory.getLogger(LocalSmtpServer.class);

    /** An address, not {@code localhost}: a name can resolve to more than the loopback interface. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * A taken port does not stop the service: the local run's class-data training starts a second
     * instance beside the running one, whose SMTP server then receives that instance's mail.
     */
    @Bean(destroyMethod = "stop")
    GreenMail localSmtp(SandboxProperties properties) {
        GreenMail smtp = new GreenMail(new ServerSetup(properties.smtpPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        try {
            smtp.start();
        } catch (RuntimeException e) {
            log.warn(
                    "Local SMTP server not started: port {} is taken (another local instance?): {}",
                    properties.smtpPort(),
                    e.getClass().getSimpleName());
        }
        return smtp;
    }
}
