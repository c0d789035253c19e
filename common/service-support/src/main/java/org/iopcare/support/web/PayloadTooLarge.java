package org.iopcare.support.web;

import java.io.IOException;

/** The request body grew past the service's limit while it was being read. */
public class PayloadTooLarge extends IOException {

    PayloadTooLarge() {
        super("Request body exceeds the limit", null);
    }
}
