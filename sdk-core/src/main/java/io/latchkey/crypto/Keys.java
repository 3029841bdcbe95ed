package io.latchkey.crypto;

import java.util.regex.Pattern;

/** Shared checks for key ids. */
final class Keys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Keys() {
    }

    static String requireKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 64 of [A-Za-z0-9_-]: " + keyId);
        }
        return keyId;
    }
}
