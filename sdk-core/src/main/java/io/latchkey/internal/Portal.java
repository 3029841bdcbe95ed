package io.latchkey.internal;

import java.net.URI;

/** Addresses in the host's portal, which e-mails link to. */
public final class Portal {

    private Portal() {
    }

    /** The portal's address of {@code path} (which starts with a slash), however the public URL ends. */
    public static String link(URI publicUrl, String path) {
        return publicUrl.toString().replaceAll("/+$", "") + path;
    }
}
