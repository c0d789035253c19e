/** Kafka through Spring Cloud Stream: the outbox relay, idempotent consumers, event decoding and dead letters. */
@NullMarked
package org.iopcare.support.messaging;

import org.jspecify.annotations.NullMarked;
