package io.latchkey.access;

/** Who, besides a member holding a role, may hold a {@link Permission}. */
public enum Bearer implements Grantee {
    /** The device a thing is (its {@link Holder#device()}), signed in with its printed password. */
    ITSELF,
    /** The customer who owns a thing (its {@link Holder#customer()}), signed in to the app. */
    ITS_CUSTOMER,
    /** The SDK's own jobs: the scheduler, bootstrap, and the consequences of a step taken by someone else. */
    KERNEL,
    /**
     * Whoever presents a secret the SDK verifies itself before the step: a link's signed token, a license code,
     * the current password. Never granted by {@link Access}; only a step that verified the secret takes it.
     */
    SECRET
}
