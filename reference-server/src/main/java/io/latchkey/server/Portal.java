package io.latchkey.server;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web portal's page for the paths a browser opens (the portal's own, and the links in e-mails:
 * {@code /confirm?token=…}, {@code /devices/HP-1}): one HTML shell whose scripts draw the page the path names.
 * API paths and missing files stay 404, so a client never gets HTML where it asked for data.
 */
final class Portal {

    private static final byte[] SHELL = shell();

    private Portal() {
    }

    static void page(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/app/") || path.startsWith("/webjars/")
                || path.lastIndexOf('.') > path.lastIndexOf('/')) {
            throw new NotFoundResponse();
        }
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(SHELL);
    }

    private static byte[] shell() {
        try (InputStream in = Portal.class.getResourceAsStream("/public/index.html")) {
            if (in == null) {
                throw new IllegalStateException("the portal's index.html is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
