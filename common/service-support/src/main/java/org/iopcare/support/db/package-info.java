/** Database pieces every service shares: the support tables' migrations and transaction-scoped locks. */
@NullMarked
package org.iopcare.support.db;

import org.jspecify.annotations.NullMarked;
