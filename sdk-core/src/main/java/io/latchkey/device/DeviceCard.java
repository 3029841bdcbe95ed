package io.latchkey.device;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The device card: the stored device and what is derived from it now. Never carries the password hash
 * outward; the nickname is there only when the viewer is the owner.
 *
 * @param device        the device (its {@code passwordHash} blanked, its nickname only for the owner)
 * @param online        whether it counts as online now
 * @param activeAlarms  the alarm codes raised now
 * @param missingFields the required details not given yet (country, region, objectType)
 * @param manual        the manual of its model, if the catalog has one
 */
public record DeviceCard(Device device, boolean online, List<String> activeAlarms, List<String> missingFields,
                         Optional<URI> manual) {
}
