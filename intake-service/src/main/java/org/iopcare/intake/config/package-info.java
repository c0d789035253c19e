/** intake's web settings: which endpoints need no staff token. */
@NullMarked
package org.iopcare.intake.config;

import org.jspecify.annotations.NullMarked;
