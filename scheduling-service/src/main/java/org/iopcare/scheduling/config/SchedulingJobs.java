package org.iopcare.scheduling.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the daily horizon extension and the missed-session sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingJobs {}
