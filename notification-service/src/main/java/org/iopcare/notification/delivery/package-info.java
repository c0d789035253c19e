/** Sending queued messages: claims, consent checks, SMS and email channels, provider reports, reconciliation. */
@NullMarked
package org.iopcare.notification.delivery;

import org.jspecify.annotations.NullMarked;
