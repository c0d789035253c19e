/** The transactional outbox: events recorded in the same transaction as the change they announce. */
@NullMarked
package org.iopcare.support.outbox;

import org.jspecify.annotations.NullMarked;
