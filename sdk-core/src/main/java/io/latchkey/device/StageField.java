package io.latchkey.device;

import java.util.Locale;

/**
 * What each stage of a device's life adds to its card ("На каждой из этих стадий появляются / изменяются
 * регистрационные и общие информационные данные"): dates stamped by the step that enters (or leaves) the stage,
 * the installing partner, and what people type ({@link DeviceSteps#fill}). Each is recorded once, except what
 * belongs to a visit: each service visit (and a decommissioning the administrator undid and did again) starts
 * afresh, with its own dates and reason.
 */
public enum StageField {
    /** When it was built. */
    PRODUCTION_DATE(DeviceStatus.PRODUCED, Source.ENTERED, 0, false),
    /** The firmware it left the factory with. */
    FIRMWARE(DeviceStatus.PRODUCED, Source.TYPED, 64, false),
    /** When it was released for sale. */
    RELEASE_DATE(DeviceStatus.RELEASED, Source.ENTERED, 0, false),
    /** When it was shipped. */
    SHIPMENT_DATE(DeviceStatus.SHIPPED, Source.ENTERED, 0, false),
    /** To whom it was shipped. */
    CONSIGNEE(DeviceStatus.SHIPPED, Source.TYPED, 200, false),
    /** The partner that installed it: responsible when it went into operation, or the first to take it on there. */
    INSTALLER(DeviceStatus.IN_OPERATION, Source.PARTNER, 0, false),
    /** When it went into operation. */
    COMMISSIONING_DATE(DeviceStatus.IN_OPERATION, Source.ENTERED, 0, false),
    /** When the current (or last) service visit began. */
    SERVICE_OPENED(DeviceStatus.IN_SERVICE, Source.ENTERED, 0, true),
    /** Why it is being serviced: asked for again on each visit. */
    SERVICE_REASON(DeviceStatus.IN_SERVICE, Source.REASON, 1000, true),
    /** When the last service visit ended. */
    SERVICE_CLOSED(DeviceStatus.IN_SERVICE, Source.LEFT, 0, true),
    /** When it was taken out of service for good. */
    DECOMMISSIONING_DATE(DeviceStatus.DECOMMISSIONED, Source.ENTERED, 0, true),
    /** Why it was taken out of service for good. */
    DECOMMISSIONING_REASON(DeviceStatus.DECOMMISSIONED, Source.REASON, 1000, true);

    /** Where a stage's field comes from. */
    public enum Source {
        /** Stamped with the time of the step that enters the stage. */
        ENTERED,
        /** Stamped with the time of the step that leaves the stage. */
        LEFT,
        /** The responsible partner, once known. */
        PARTNER,
        /** Typed by people. */
        TYPED,
        /** Typed by people; the reason a server administrator gives for moving the device into the stage. */
        REASON
    }

    private final DeviceStatus stage;
    private final Source source;
    private final int maxLength;
    private final boolean perVisit;

    StageField(DeviceStatus stage, Source source, int maxLength, boolean perVisit) {
        this.stage = stage;
        this.source = source;
        this.maxLength = maxLength;
        this.perVisit = perVisit;
    }

    /** The status whose stage adds it. */
    public DeviceStatus stage() {
        return stage;
    }

    /** Where it comes from. */
    public Source source() {
        return source;
    }

    /** How long a typed value may be; 0 for what is not typed. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether entering its stage again forgets it, for the new visit to record its own. */
    public boolean perVisit() {
        return perVisit;
    }

    /** Its name in requests and forms: {@code SERVICE_REASON} → {@code serviceReason}. */
    public String fieldName() {
        StringBuilder name = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
