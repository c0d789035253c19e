/** The staff console's pages over the four services' APIs (JSON answers are maps whose values may be null). */
@NullMarked
package org.iopcare.console;

import org.jspecify.annotations.NullMarked;
