package org.iopcare.notification.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional second SMTP server, used only when the first certainly did not take a message
 * (unreachable, login refused, the message refused before acceptance); never after a timeout in
 * the middle of the conversation, which would risk a second copy.
 *
 * @param enabled whether there is a second server
 * @param host its host
 * @param port its port
 * @param username login, if it needs one
 * @param password password, if it needs one
 * @param timeout connect, read and write timeout
 */
@ConfigurationProperties("iopcare.notification.email-fallback")
public record EmailFallbackProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable String host,
        @DefaultValue("25") int port,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("10s") Duration timeout) {

    @Override
    public String toString() {
        return "EmailFallbackProperties[" + enabled + ", " + host + ":" + port + ", password hidden]";
    }
}
