package io.latchkey.license;

import java.util.Optional;

/**
 * A license as one viewer may see it.
 *
 * @param license   the license, without its code hash and sealed code
 * @param code      its code, grouped ({@code ABCD-EFGH-JKMN}) when the viewer may see it in full, masked
 *                  ({@code ••••-••••-JKMN}) for the company that holds it, empty otherwise
 * @param activated whether it is active on a device now (otherwise it is free)
 */
public record LicenseView(License license, Optional<String> code, boolean activated) {

    /** Says whether the code is shown, never the code: views end up in logs. */
    @Override
    public String toString() {
        return "LicenseView[" + license + ", code " + (code.isPresent() ? "shown" : "hidden") + ", activated "
                + activated + "]";
    }
}
