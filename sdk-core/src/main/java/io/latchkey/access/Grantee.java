package io.latchkey.access;

/**
 * To whom a {@link Permission} may be granted: a member holding a {@link Role}, or one of the
 * {@link Bearer}s that are not members.
 */
public sealed interface Grantee permits Role, Bearer {
}
