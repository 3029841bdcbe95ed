/**
 * Helpers that several areas share but that are not API: input checks and the service kernel. May change without notice.
 * Depends on {@code io.latchkey} and the kernel packages (access, crypto, lifecycle, notify, store).
 */
package io.latchkey.internal;
