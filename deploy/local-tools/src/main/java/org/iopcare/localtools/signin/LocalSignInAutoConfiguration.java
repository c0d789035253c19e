package org.iopcare.localtools.signin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The staff console's persona sign-in in the local run: on the classpath only where {@code
 * deploy/local} puts it, and then only in profile {@code local} of an app that asks for it
 * ({@code iopcare.local-tools.sign-in}, the console's {@code application-local.yaml}).
 */
@AutoConfiguration
@Profile("local")
@ConditionalOnBooleanProperty("iopcare.local-tools.sign-in")
@EnableConfigurationProperties(LocalSignInProperties.class)
@Import(LocalSignIn.class)
public class LocalSignInAutoConfiguration {}
