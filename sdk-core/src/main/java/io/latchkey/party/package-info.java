/**
 * The channel: the operator at the root, partners and companies below it
 * ({@link io.latchkey.party.Organization}), and their {@link io.latchkey.party.Member}s with roles; end
 * {@link io.latchkey.party.Customer}s (device owners) known by their {@link io.latchkey.party.PhoneNumber};
 * taxpayer numbers ({@link io.latchkey.party.Inn}); {@link io.latchkey.party.Connection} requests between
 * organizations. The services are {@link io.latchkey.party.Organizations},
 * {@link io.latchkey.party.Registrations}, {@link io.latchkey.party.Members}, {@link io.latchkey.party.Accounts}
 * and {@link io.latchkey.party.Connections}; the storage port is {@link io.latchkey.party.PartyStore}.
 *
 * <p>Part of the kernel: every area may use it, it uses no area. Depends on {@code io.latchkey}, {@code access},
 * {@code crypto}, {@code lifecycle}, {@code notify}, {@code store} and {@code internal}.
 */
package io.latchkey.party;
