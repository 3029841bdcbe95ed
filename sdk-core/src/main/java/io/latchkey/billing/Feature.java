package io.latchkey.billing;

/** What a resident may do with the intercom at an address. */
public enum Feature {
    /** Open the door with a key. */
    DOOR_KEY,
    /** Take calls from the entrance panel on the handset or the app. */
    HANDSET_CALLS,
    /** Watch the video archive. */
    VIDEO_ARCHIVE
}
