/** The shared Spring pieces every IOP Care service gets by depending on service-support. */
@NullMarked
package org.iopcare.support;

import org.jspecify.annotations.NullMarked;
