package org.bestplace.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The address a request came from, for the logs. Quarkus, behind a trusted proxy, takes the
 * leftmost entry of X-Forwarded-For, which is whatever the client sent when a proxy appends to the
 * header. The entry nearest the trusted proxy, the rightmost, is the one that proxy wrote: the
 * address that connected to it.
 */
public final class ClientAddress {

    /** Set by Quarkus on every request ({@code quarkus.http.proxy.enable-trusted-proxy-header}). */
    static final String TRUSTED_PROXY = "X-Forwarded-Trusted-Proxy";

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        // Asking for the address first makes Quarkus read the forwarding headers and mark the request.
        String connected = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (!"true".equals(request.getHeader(TRUSTED_PROXY))) {
            return connected;
        }
        List<String> headers = request.headers().getAll("X-Forwarded-For");
        if (headers.isEmpty()) {
            return connected;
        }
        String last = headers.get(headers.size() - 1);
        String nearest = last.substring(last.lastIndexOf(',') + 1).strip();
        String address = hostOf(nearest);
        // A proxy that wrote something other than an address is not believed: its own address is
        // the most that is known then.
        return address == null ? request.connection().remoteAddress().hostAddress() : address;
    }

    /**
     * The address in an entry such as {@code 198.51.100.7}, {@code 198.51.100.7:4711} or
     * {@code [2001:db8::1]:4711}; null when the entry is no address.
     */
    static String hostOf(String entry) {
        String host = entry;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? "" : host.substring(1, end);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        boolean plausible = !host.isEmpty() && host.length() <= 45 && host.chars()
                .allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        return plausible ? host : null;
    }
}
