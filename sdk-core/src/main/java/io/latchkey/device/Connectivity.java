package io.latchkey.device;

/** How a device reaches the network. */
public enum Connectivity {
    /** A mobile modem with a SIM card. */
    GSM,
    /** A cable. */
    ETHERNET,
    /** A wireless network. */
    WIFI
}
