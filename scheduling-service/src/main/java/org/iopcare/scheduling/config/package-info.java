/** scheduling's settings and job wiring. */
@NullMarked
package org.iopcare.scheduling.config;

import org.jspecify.annotations.NullMarked;
