package org.iopcare.localtools.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS account notification-service is configured with ({@code iopcare.notification.sms}), as the
 * sandbox provider sees it: the account whose basic auth it checks, whose auth token signs its
 * webhooks, and the clinic's number a client's reply goes to. Read from the same settings as the
 * service's own provider settings, so the two cannot disagree.
 */
@ConfigurationProperties("iopcare.notification.sms")
record SandboxAccount(String accountSid, String authToken, String from) {

    @Override
    public String toString() {
        return "SandboxAccount[" + accountSid + ", token hidden]";
    }
}
