/** What the prod profile switches on or off, and the refusal to start with local-only settings. */
@NullMarked
package org.iopcare.support.production;

import org.jspecify.annotations.NullMarked;
