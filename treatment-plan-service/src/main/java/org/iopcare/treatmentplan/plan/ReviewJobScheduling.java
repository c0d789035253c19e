package org.iopcare.treatmentplan.plan;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the daily review-due job. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReviewJobScheduling {}
