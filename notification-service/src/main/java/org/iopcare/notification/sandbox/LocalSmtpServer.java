package org.iopcare.notification.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The local run's SMTP server: an in-process GreenMail, SMTP only, on {@code sandbox.smtp-port}
 * (bound to {@code localhost}, like {@code spring.mail.host}), started and stopped with the context. It accepts every recipient without
 * login; {@code GET /sandbox/email} shows what it received.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalSmtpServer {

    @Bean(destroyMethod = "stop")
    GreenMail localSmtp(SandboxProperties properties) {
        GreenMail smtp = new GreenMail(new ServerSetup(properties.smtpPort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
