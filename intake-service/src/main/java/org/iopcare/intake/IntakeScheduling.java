package org.iopcare.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping jobs (expired idempotency keys). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntakeScheduling {}
