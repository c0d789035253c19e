/** Inbound SMS: the provider's signed webhooks, keywords, crisis language and the staff inbox. */
@NullMarked
package org.iopcare.notification.sms;

import org.jspecify.annotations.NullMarked;
