/**
 * The channel: the operator at the root, partners and companies below it
 * ({@link io.latchkey.party.Organization}), and their {@link io.latchkey.party.Member}s with roles; end
 * {@link io.latchkey.party.Customer}s (device owners) known by their {@link io.latchkey.party.PhoneNumber};
 * taxpayer numbers ({@link io.latchkey.party.Inn}); {@link io.latchkey.party.Connection} requests between
 * organizations.
 * {@link io.latchkey.party.PartyService} holds the commands.
 *
 * <p>Depends on {@code io.latchkey}, {@code access}, {@code notify} (languages), {@code store} and
 * {@code internal}.
 */
package io.latchkey.party;
