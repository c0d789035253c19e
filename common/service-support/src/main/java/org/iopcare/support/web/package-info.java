/** The edge rules for what clients send and the RFC 9457 problem responses for every refusal. */
@NullMarked
package org.iopcare.support.web;

import org.jspecify.annotations.NullMarked;
