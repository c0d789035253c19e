package org.iopcare.testsupport.fuzz;

import java.util.List;

/**
 * Signs a bad request the way its legitimate sender would, so that a webhook's signature check
 * lets the bad input through to the parsing behind it.
 */
@FunctionalInterface
public interface RequestSigner {

    /** Headers to add; empty when this request is not one to sign or cannot be signed. */
    List<FuzzRequest.Header> headersFor(FuzzRequest request);
}
