/** Inquiries: the public form, duplicates and idempotent retries, and the staff pipeline's statuses and notes. */
@NullMarked
package org.iopcare.intake.inquiry;

import org.jspecify.annotations.NullMarked;
