/**
 * License codes and their ledger (MyPOS): the licensor mints codes in a configurable
 * {@link io.latchkey.license.CodeFormat}, kept only as a keyed hash and a sealed copy; devices activate them and
 * verify the signed {@link io.latchkey.license.ActivationFile} offline. The services are
 * {@link io.latchkey.license.Documents}, {@link io.latchkey.license.Licenses} and
 * {@link io.latchkey.license.Activations}; the area's storage port is {@link io.latchkey.license.LicenseStore}.
 *
 * <p>Depends on the kernel packages (access, crypto, lifecycle, notify, party, store, internal).
 */
package io.latchkey.license;
