/** Recipients: contact details, consents, preferences and quiet hours as this service knows them. */
@NullMarked
package org.iopcare.notification.recipient;

import org.jspecify.annotations.NullMarked;
