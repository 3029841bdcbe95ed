package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lists a device's details are chosen from, and what is derived from them: countries (ISO 3166 codes)
 * with their regions and each region's time zone, building types, manuals by model, and how long a silent
 * device still counts as online. Hosts configure their own; {@link #defaults()} covers a start.
 *
 * @param regions       country code → region name → the region's time zone
 * @param objectTypes   the building types
 * @param manuals       model → link to its installation and operation manual (PDF)
 * @param onlineTimeout how long after its last report a device still counts as online
 */
public record DeviceCatalog(Map<String, Map<String, ZoneId>> regions, List<String> objectTypes,
                            Map<String, URI> manuals, Duration onlineTimeout) {

    /**
     * @throws IllegalArgumentException if a country is not two letters, or a region or object type is blank or
     *                                  longer than what a device row keeps (100 and 64 characters)
     */
    public DeviceCatalog {
        Map<String, Map<String, ZoneId>> copy = new LinkedHashMap<>();
        regions.forEach((country, byName) -> {
            if (!country.matches("[A-Z]{2}")
                    || byName.keySet().stream().anyMatch(r -> r.isBlank() || r.length() > 100)) {
                throw new IllegalArgumentException("countries are ISO 3166 alpha-2; regions 1 to 100 characters");
            }
            copy.put(country, Map.copyOf(byName));
        });
        if (objectTypes.stream().anyMatch(t -> t.isBlank() || t.length() > 64)) {
            throw new IllegalArgumentException("object types are 1 to 64 characters");
        }
        regions = java.util.Collections.unmodifiableMap(copy);
        objectTypes = List.copyOf(objectTypes);
        manuals = Map.copyOf(manuals);
        Objects.requireNonNull(onlineTimeout, "onlineTimeout");
    }

    /** Russia, Poland and Kazakhstan with some of their regions, common building types, a 10-minute timeout. */
    public static DeviceCatalog defaults() {
        Map<String, Map<String, ZoneId>> regions = new LinkedHashMap<>();
        regions.put("RU", Map.of(
                "Москва", ZoneId.of("Europe/Moscow"),
                "Московская область", ZoneId.of("Europe/Moscow"),
                "Санкт-Петербург", ZoneId.of("Europe/Moscow"),
                "Калининградская область", ZoneId.of("Europe/Kaliningrad"),
                "Самарская область", ZoneId.of("Europe/Samara"),
                "Свердловская область", ZoneId.of("Asia/Yekaterinburg"),
                "Новосибирская область", ZoneId.of("Asia/Novosibirsk"),
                "Красноярский край", ZoneId.of("Asia/Krasnoyarsk"),
                "Приморский край", ZoneId.of("Asia/Vladivostok")));
        regions.put("PL", Map.of(
                "mazowieckie", ZoneId.of("Europe/Warsaw"),
                "małopolskie", ZoneId.of("Europe/Warsaw"),
                "pomorskie", ZoneId.of("Europe/Warsaw"),
                "dolnośląskie", ZoneId.of("Europe/Warsaw")));
        regions.put("KZ", Map.of(
                "Алматы", ZoneId.of("Asia/Almaty"),
                "Астана", ZoneId.of("Asia/Almaty")));
        return new DeviceCatalog(regions, List.of("PRIVATE_HOUSE", "APARTMENT_BUILDING", "OFFICE", "RETAIL",
                "INDUSTRIAL", "PUBLIC_BUILDING"), Map.of(), Duration.ofMinutes(10));
    }

    /** The same catalog with a manual for {@code model}. */
    public DeviceCatalog withManual(String model, URI manual) {
        Map<String, URI> more = new LinkedHashMap<>(manuals);
        more.put(model, manual);
        return new DeviceCatalog(regions, objectTypes, more, onlineTimeout);
    }

    /** The same catalog with another online timeout. */
    public DeviceCatalog withOnlineTimeout(Duration timeout) {
        return new DeviceCatalog(regions, objectTypes, manuals, timeout);
    }

    /** The country code, refused unless listed. */
    String country(String field, String value) {
        String country = Checks.required(field, value);
        if (!regions.containsKey(country)) {
            throw LatchkeyException.ofField(ErrorCode.VALUE_NOT_IN_LIST, field, field, value);
        }
        return country;
    }

    /** The region's time zone, refused unless the region is listed for the country. */
    ZoneId zoneOf(String country, String field, String region) {
        ZoneId zone = regions.get(country).get(Checks.required(field, region));
        if (zone == null) {
            throw LatchkeyException.ofField(ErrorCode.VALUE_NOT_IN_LIST, field, field, region);
        }
        return zone;
    }

    /** The building type, refused unless listed. */
    String objectType(String field, String value) {
        String type = Checks.required(field, value);
        if (!objectTypes.contains(type)) {
            throw LatchkeyException.ofField(ErrorCode.VALUE_NOT_IN_LIST, field, field, value);
        }
        return type;
    }

    /** The manual of a model, if there is one. */
    public Optional<URI> manual(String model) {
        return Optional.ofNullable(manuals.get(model));
    }
}
