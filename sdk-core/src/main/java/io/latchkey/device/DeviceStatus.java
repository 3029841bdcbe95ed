package io.latchkey.device;

/** Where a device (a heat pump) stands in its life. */
public enum DeviceStatus {
    /** Registered at the factory. */
    CREATED,
    /** Built. */
    PRODUCED,
    /** Released for sale: its first connection from now on puts it into operation. */
    RELEASED,
    /** Shipped to a partner or a customer. */
    SHIPPED,
    /** Installed and working. */
    IN_OPERATION,
    /** Being serviced. */
    IN_SERVICE,
    /** Out of service for good. Final. */
    DECOMMISSIONED
}
