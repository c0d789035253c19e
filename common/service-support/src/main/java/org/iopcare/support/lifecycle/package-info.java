/** Background jobs that start and stop with the application. */
@NullMarked
package org.iopcare.support.lifecycle;

import org.jspecify.annotations.NullMarked;
