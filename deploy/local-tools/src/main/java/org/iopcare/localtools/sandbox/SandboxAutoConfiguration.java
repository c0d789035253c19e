package org.iopcare.localtools.sandbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * notification's SMS sandbox and local SMTP server in the local run: on the classpath only where
 * {@code deploy/local} puts them, and then only in profile {@code local} of a service that asks for
 * them ({@code iopcare.local-tools.sandbox}, notification's {@code application-local.yaml}).
 */
@AutoConfiguration
@Profile("local")
@ConditionalOnBooleanProperty("iopcare.local-tools.sandbox")
@EnableConfigurationProperties({SandboxProperties.class, SandboxAccount.class})
@Import({
    LocalSmtpServer.class,
    SandboxCallbacks.class,
    SandboxEndpoints.class,
    SandboxSmsLog.class,
    SandboxSmsProvider.class,
    SandboxViews.class
})
public class SandboxAutoConfiguration {}
