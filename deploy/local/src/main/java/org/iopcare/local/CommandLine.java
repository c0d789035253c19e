package org.iopcare.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The launcher's arguments (see {@link #USAGE}). */
final class CommandLine {

    enum Action {
        START,
        STOP,
        HELP
    }

    static final String USAGE = String.join(
            "\n",
            "Usage: ./run-local.sh [--build] [start|stop] [options]",
            "",
            "  start              start Kafka, PostgreSQL, the four services and the staff console; Ctrl-C stops",
            "                     them (default)",
            "  stop               stop a platform started from another terminal",
            "  --build            build the services and the launcher first (run-local.sh only)",
            "  --fresh            delete the data folder first: empty database and topics, new keys",
            "  --data-dir DIR     the data folder (default: $IOPCARE_DATA_DIR, else <repo>/.local-data)",
            "  --timeout SECONDS  how long each service may take to become ready (default 180)",
            "  --no-cds           do not use class data sharing archives for the services",
            "  --infra-only       start Kafka and PostgreSQL only (run a service from your IDE against them)",
            "  --instances N      start N instances (1-4) of every service; --instances=intake=2,notification=2",
            "                     for some. Instance n of a service listens on its port + 100 x (n - 1) (intake",
            "                     8081, 8181, ...); the staff console stays one and talks to the first instances",
            "  --listen-all       open the services and the staff console to the network (default: this machine",
            "                     only, 127.0.0.1); anyone who reaches them can mint staff tokens, sign in to the",
            "                     console and use the sandbox. Also IOPCARE_LISTEN_ALL=true. Kafka and PostgreSQL",
            "                     stay on 127.0.0.1.",
            "  --kafka-port N, --kafka-controller-port N, --postgres-port N",
            "                     other ports (defaults 19092, 19093, 15432)",
            "  --help             this text");

    private final Action action;
    private final LocalOptions options;

    private CommandLine(Action action, LocalOptions options) {
        this.action = action;
        this.options = options;
    }

    Action action() {
        return action;
    }

    LocalOptions options() {
        return options;
    }

    static CommandLine parse(String[] args, LocalOptions.Builder builder) {
        Action action = Action.START;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "start" -> action = Action.START;
                case "stop" -> action = Action.STOP;
                case "--help", "-h", "help" -> action = Action.HELP;
                case "--fresh" -> builder.fresh(true);
                case "--no-cds" -> builder.classDataSharing(false);
                case "--infra-only" -> builder.services(List.of());
                case "--listen-all" -> builder.listenAll(true);
                case "--kafka-port" ->
                    builder.kafkaPort(port(inlineValue != null ? inlineValue : next(args, ++i, arg)));
                case "--kafka-controller-port" ->
                    builder.kafkaControllerPort(port(inlineValue != null ? inlineValue : next(args, ++i, arg)));
                case "--postgres-port" ->
                    builder.postgresPort(port(inlineValue != null ? inlineValue : next(args, ++i, arg)));
                case "--data-dir" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, arg);
                    builder.dataDir(Path.of(value));
                }
                case "--instances" -> instances(inlineValue != null ? inlineValue : next(args, ++i, arg), builder);
                case "--timeout" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, arg);
                    try {
                        builder.readyTimeout(Duration.ofSeconds(Long.parseLong(value)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--timeout takes a number of seconds, not " + value);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        return new CommandLine(action, builder.build());
    }

    /** {@code N} for every service, or {@code intake=2,notification=2} for the services named. */
    static void instances(String value, LocalOptions.Builder builder) {
        if (!value.contains("=")) {
            builder.instances(count(value));
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : value.split(",", -1)) {
            String[] nameAndCount = part.strip().split("=", -1);
            if (nameAndCount.length != 2 || nameAndCount[0].isBlank()) {
                throw new IllegalArgumentException(
                        "--instances takes N or service=N,... (e.g. intake=2,notification=2), not " + value);
            }
            counts.put(nameAndCount[0].strip(), count(nameAndCount[1].strip()));
        }
        builder.instances(counts);
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--instances takes a number of instances, not " + value);
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Not a port: " + value);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
