package org.learningcities.hardening;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests rest-assured cannot make cheaply: a body announced far larger than the limit, never sent. */
final class RawHttp {

    private RawHttp() {
    }

    /** Announces {@code length} bytes of body and returns the server's whole answer (it answers before reading it). */
    static String announceBody(int port, String method, String path, String contentType, long length, String token)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            StringBuilder received = new StringBuilder();
            byte[] chunk = new byte[4096];
            int read;
            while (!received.toString().endsWith("}") && (read = socket.getInputStream().read(chunk)) > 0) {
                received.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
            }
            return received.toString();
        }
    }
}
