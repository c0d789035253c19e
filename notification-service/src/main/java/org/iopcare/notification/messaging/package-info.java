/** The only package that touches Spring Cloud Stream: one consumer bean per topic, delegating to the handlers. */
@NullMarked
package org.iopcare.notification.messaging;

import org.jspecify.annotations.NullMarked;
