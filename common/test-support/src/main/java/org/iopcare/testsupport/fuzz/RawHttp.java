package org.iopcare.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.iopcare.testsupport.fuzz.FuzzRequest.Header;

/**
 * HTTP/1.1 over a plain socket, one connection per request. A client library would validate,
 * encode or normalise exactly the targets and header values worth sending, so none is used.
 */
public final class RawHttp {

    /** What came back; status 0 means no response could be read, and {@code failure} says why. */
    public record Response(int status, String contentType, String body, String failure) {}

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_KEPT_BODY = 2_000;

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Response send(FuzzRequest request, String authorization, String traceparent) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        // UTF-8 for the request line and headers: raw non-ASCII and control bytes go out unchanged.
        write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
        write(head, "Host: " + host + ":" + port + "\r\n");
        write(head, "Connection: close\r\n");
        boolean hasTrace = false;
        for (Header header : request.headers()) {
            write(head, header.name() + ": " + header.value() + "\r\n");
            hasTrace |= header.name().equalsIgnoreCase("traceparent");
        }
        if (authorization != null) {
            write(head, "Authorization: " + authorization + "\r\n");
        }
        if (traceparent != null && !hasTrace) {
            write(head, "traceparent: " + traceparent + "\r\n");
        }
        if (request.body() != null || request.writes()) {
            write(head, "Content-Length: " + (request.body() == null ? 0 : request.body().length) + "\r\n");
        }
        write(head, "\r\n");
        return exchange(head.toByteArray(), request.body());
    }

    /** A request line and headers written exactly as given, for targets no request model can hold. */
    public Response sendRaw(String requestHead) {
        return exchange(requestHead.getBytes(StandardCharsets.UTF_8), null);
    }

    private Response exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            // One write of head and body, without Nagle: a second small segment would wait for the
            // server's delayed acknowledgement (tens of milliseconds per request).
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                byte[] all = head;
                if (body != null) {
                    all = java.util.Arrays.copyOf(head, head.length + body.length);
                    System.arraycopy(body, 0, all, head.length, body.length);
                }
                out.write(all);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before reading all of a large body.
                writeFailure = e.toString();
            }
            byte[] answer;
            try {
                answer = readAll(socket.getInputStream());
            } catch (IOException e) {
                return new Response(0, null, null, (writeFailure == null ? "" : writeFailure + "; ") + e);
            }
            return parse(answer, writeFailure);
        } catch (IOException e) {
            return new Response(0, null, null, e.toString());
        }
    }

    private static Response parse(byte[] answer, String writeFailure) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Response(
                    0,
                    null,
                    null,
                    "no HTTP response" + (writeFailure == null ? "" : ": " + writeFailure)
                            + (text.isEmpty() ? "" : " (got " + abbreviate(text) + ")"));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0
                    && lines[i].substring(0, colon)
                            .trim()
                            .toLowerCase(Locale.ROOT)
                            .equals("content-type")) {
                contentType = lines[i].substring(colon + 1).trim();
            }
        }
        String body = new String(answer, end + 4, answer.length - end - 4, StandardCharsets.UTF_8);
        if (text.substring(0, end).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunked(body);
        }
        return new Response(status, contentType, abbreviate(body), null);
    }

    /** The chunks' data joined; what cannot be read as chunks is kept as it came. */
    private static String dechunked(String body) {
        StringBuilder data = new StringBuilder();
        int at = 0;
        try {
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(
                        body.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return data.toString();
                }
                // Sizes count bytes; the bodies kept here are for reading, so chars are near enough.
                int start = lineEnd + 2;
                int stop = Math.min(body.length(), start + size);
                data.append(body, start, stop);
                at = stop + 2;
            }
            return data.toString();
        } catch (RuntimeException notChunks) {
            return body;
        }
    }

    /** Everything until the server closes; what arrived before a reset still counts as the answer. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_KEPT_BODY ? text : text.substring(0, MAX_KEPT_BODY) + "…";
    }
}
