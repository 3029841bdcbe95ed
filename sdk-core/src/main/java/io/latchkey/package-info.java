/**
 * Latchkey: an embeddable SDK for the things a vendor hands out through a partner channel and takes back
 * later. {@link io.latchkey.Latchkey} is the entry point and the only way to the services; refusals are
 * {@link io.latchkey.LatchkeyException}s with an {@link io.latchkey.ErrorCode}.
 *
 * <p>One package per area ({@code credential}, {@code license}, {@code subscription}, {@code device}, and
 * {@code billing} to come) on a shared kernel ({@code access}, {@code crypto}, {@code lifecycle}, {@code notify},
 * {@code party}, {@code store}, {@code time}). The SDK depends on the JDK, Bouncy Castle and ZXing only.
 */
package io.latchkey;
