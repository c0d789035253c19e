package org.iopcare.local;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a broker whether it serves requests, speaking just enough of the Kafka protocol to do so.
 * The launcher does not carry kafka-clients (the broker's jars are for the broker process), and a
 * bare TCP connect is not enough: the broker binds its port before it has joined its own quorum and
 * only starts answering once it is unfenced.
 *
 * <p>Two requests: ApiVersions (which versions of Metadata it speaks), then Metadata, which must list
 * at least one broker.
 */
final class KafkaProbe {

    private static final short API_METADATA = 3;
    private static final short API_VERSIONS = 18;
    /** Metadata v4..v8 share the non-flexible layout read below. */
    private static final short METADATA_MIN = 4;

    private static final short METADATA_MAX = 8;

    private static final String CLIENT_ID = "iopcare-launcher";

    private KafkaProbe() {}

    /** The number of brokers the node reports, or -1 if it does not answer (yet). */
    static int brokers(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());

            send(out, API_VERSIONS, (short) 0, 1, new byte[0]);
            ByteBuffer versions = receive(in, 1);
            short error = versions.getShort();
            if (error != 0) {
                return -1;
            }
            short metadataVersion = -1;
            int count = versions.getInt();
            for (int i = 0; i < count; i++) {
                short key = versions.getShort();
                short min = versions.getShort();
                short max = versions.getShort();
                if (key == API_METADATA) {
                    short wanted = (short) Math.min(max, METADATA_MAX);
                    metadataVersion = wanted >= Math.max(min, METADATA_MIN) ? wanted : -1;
                }
            }
            if (metadataVersion < 0) {
                // The broker answers requests but speaks no Metadata version we read: it is up.
                return 1;
            }
            // Metadata request: no topics (empty array), no auto-creation, no ACL details.
            // v4..v7: topics, allow_auto_topic_creation; v8 adds the two authorized-operations flags.
            ByteBuffer body = ByteBuffer.allocate(metadataVersion >= 8 ? 7 : 5);
            body.putInt(0);
            while (body.hasRemaining()) {
                body.put((byte) 0);
            }
            send(out, API_METADATA, metadataVersion, 2, body.array());
            ByteBuffer metadata = receive(in, 2);
            metadata.getInt(); // throttle_time_ms (v3+)
            return metadata.getInt();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Request header v1: api key, api version, correlation id, client id. */
    private static void send(DataOutputStream out, short apiKey, short version, int correlationId, byte[] body)
            throws IOException {
        byte[] client = CLIENT_ID.getBytes(StandardCharsets.UTF_8);
        int size = 2 + 2 + 4 + 2 + client.length + body.length;
        out.writeInt(size);
        out.writeShort(apiKey);
        out.writeShort(version);
        out.writeInt(correlationId);
        out.writeShort(client.length);
        out.write(client);
        out.write(body);
        out.flush();
    }

    /** Response header v0 (correlation id), checked, then the body. */
    private static ByteBuffer receive(DataInputStream in, int correlationId) throws IOException {
        int size = in.readInt();
        if (size < 4 || size > 16 * 1024 * 1024) {
            throw new IOException("not a Kafka response (size " + size + ")");
        }
        byte[] bytes = in.readNBytes(size);
        if (bytes.length != size) {
            throw new IOException("connection closed mid-response");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getInt() != correlationId) {
            throw new IOException("unexpected correlation id");
        }
        return buffer;
    }
}
