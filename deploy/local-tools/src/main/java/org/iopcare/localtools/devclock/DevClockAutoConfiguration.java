package org.iopcare.localtools.devclock;

import org.iopcare.support.ServiceSupportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * scheduling's movable clock in the local run: on the classpath only where {@code deploy/local} puts
 * it, and then only in profile {@code local} of a service that asks for it
 * ({@code iopcare.local-tools.movable-clock}, scheduling's {@code application-local.yaml}). Before
 * service-support, whose system clock yields to this one.
 */
@AutoConfiguration(before = ServiceSupportAutoConfiguration.class)
@Profile("local")
@ConditionalOnBooleanProperty("iopcare.local-tools.movable-clock")
@Import(DevClockController.class)
public class DevClockAutoConfiguration {}
