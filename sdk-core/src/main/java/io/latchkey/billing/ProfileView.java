package io.latchkey.billing;

import java.util.List;

/**
 * A platform profile with its addresses as the operator's staff see it.
 *
 * @param profile   the profile
 * @param addresses its addresses (removed ones too, marked so), in account order
 */
public record ProfileView(Profile profile, List<ProfileAddress> addresses) {

    public ProfileView {
        addresses = List.copyOf(addresses);
    }
}
