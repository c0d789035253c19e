package org.iopcare.local;

/** What {@code --listen-all} opens, said at the start and in the summary so nobody misses it. */
final class ListenAllWarning {

    static final String TEXT = String.join(
            "\n",
            "  WARNING the services and the staff console listen on every network interface (--listen-all /",
            "          IOPCARE_LISTEN_ALL):",
            "          anyone who can reach this machine can mint staff tokens (PROGRAM_ADMIN included) at",
            "          /dev/tokens, read every sandbox SMS and email, and act as any client. Use it on a network",
            "          you trust, with made-up data only. Kafka and PostgreSQL stay on 127.0.0.1.");

    private ListenAllWarning() {}
}
