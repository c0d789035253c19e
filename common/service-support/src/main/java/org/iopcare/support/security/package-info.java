/** Staff tokens (JWT resource server), deny-by-default access, role checks before the body is read. */
@NullMarked
package org.iopcare.support.security;

import org.jspecify.annotations.NullMarked;
