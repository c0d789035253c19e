/** notification-service: messages to clients and staff, their delivery, reminders, preferences and SMS replies. */
@NullMarked
package org.iopcare.notification;

import org.jspecify.annotations.NullMarked;
