/** Work items every service raises from its own signals, serves to staff and escalates. */
@NullMarked
package org.iopcare.support.work;

import org.jspecify.annotations.NullMarked;
