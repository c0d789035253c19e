/** The tamper-evident audit trail: written before a request is served, reviewed and verified. */
@NullMarked
package org.iopcare.support.audit;

import org.jspecify.annotations.NullMarked;
