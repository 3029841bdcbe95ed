package io.latchkey.device;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What steps and edits add to a device beside its status: its stages' records ({@link StageField}) and the
 * {@link DataRequest} a status opens for what it needs ({@link DeviceLifecycle#NEEDS}) and the device lacks.
 */
final class Stages {

    private Stages() {
    }

    /**
     * The device after a step to {@code to}: the stage it leaves is closed, the one it enters begins (what is
     * recorded once is kept; a visit starts afresh), the reason a server administrator gave for the move is the
     * new stage's reason, and a data request opens for what the new status needs and the device lacks (the step
     * itself is never refused for it).
     */
    static Device moved(Device device, DeviceStatus to, String by, Instant now, String reason) {
        DeviceStatus from = device.status();
        Device moved = device.with(d -> {
            d.status = to;
            d.facts.removeIf(f -> f.field().stage() == to && f.field().perVisit());
            for (StageField field : StageField.values()) {
                boolean left = field.stage() == from && field.source() == StageField.Source.LEFT;
                String value = field.stage() != to ? null : switch (field.source()) {
                    case ENTERED -> now.toString();
                    case PARTNER -> d.responsiblePartner == null ? null : d.responsiblePartner.toString();
                    case REASON -> reason;
                    case LEFT, TYPED -> null;
                };
                boolean absent = d.facts.stream().noneMatch(f -> f.field() == field);
                if (left || value != null && absent) {
                    put(d, field, left ? now.toString() : value, by, now);
                }
            }
        });
        List<String> missing = DeviceLifecycle.NEEDS.getOrDefault(to, List.of()).stream()
                .filter(Predicate.not(field -> present(moved, field))).toList();
        return moved.with(d -> d.dataRequest = missing.isEmpty() ? null : new DataRequest(to, missing, now));
    }

    /**
     * The device after a partner took it on: the first partner responsible for it in the field is its
     * installer.
     */
    static Device taken(Device device, String by, Instant now) {
        boolean field = device.status() == DeviceStatus.IN_OPERATION || device.status() == DeviceStatus.IN_SERVICE;
        if (!field || device.responsiblePartner() == null || device.fact(StageField.INSTALLER).isPresent()) {
            return device;
        }
        return device.with(d -> put(d, StageField.INSTALLER, device.responsiblePartner().toString(), by, now));
    }

    /** The device with what was filled in struck off its open data request, which closes when nothing is left. */
    static Device filled(Device device) {
        DataRequest open = device.dataRequest();
        if (open == null) {
            return device;
        }
        List<String> left = open.fields().stream().filter(Predicate.not(field -> present(device, field))).toList();
        return device.with(d -> d.dataRequest = left.isEmpty() ? null
                : new DataRequest(open.status(), left, open.openedAt()));
    }

    /** The device with {@code value} recorded for {@code field}, by {@code by} at {@code now}. */
    static Device recorded(Device device, StageField field, String value, String by, Instant now) {
        return device.with(d -> put(d, field, value, by, now));
    }

    private static boolean present(Device device, String field) {
        return switch (field) {
            case "country" -> device.country() != null;
            case "region" -> device.region() != null;
            case "objectType" -> device.objectType() != null;
            default -> device.facts().stream().anyMatch(f -> f.field().fieldName().equals(field));
        };
    }

    private static void put(Device.Draft d, StageField field, String value, String by, Instant now) {
        d.facts.removeIf(f -> f.field() == field);
        d.facts.add(new StageFact(field, value, by, now));
    }
}
