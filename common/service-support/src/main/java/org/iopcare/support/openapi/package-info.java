/** The services' API descriptions (/v3/api-docs) and their public operations. */
@NullMarked
package org.iopcare.support.openapi;

import org.jspecify.annotations.NullMarked;
