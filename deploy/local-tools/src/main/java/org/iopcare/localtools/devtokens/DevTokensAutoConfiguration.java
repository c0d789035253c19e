package org.iopcare.localtools.devtokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * intake's token desk in the local run: on the classpath only where {@code deploy/local} puts it,
 * and then only in profile {@code local} of a service that asks for it
 * ({@code iopcare.local-tools.dev-tokens}, intake's {@code application-local.yaml}).
 */
@AutoConfiguration
@Profile("local")
@ConditionalOnBooleanProperty("iopcare.local-tools.dev-tokens")
@EnableConfigurationProperties(DevTokenProperties.class)
@Import({DevTokenController.class, DevTokenEndpoints.class})
public class DevTokensAutoConfiguration {}
