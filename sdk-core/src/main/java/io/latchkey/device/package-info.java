/**
 * Devices (heat pumps) from the factory to decommissioning: the lifecycle table
 * ({@link io.latchkey.device.DeviceLifecycle}), claims by partners with the printed password, details from
 * the {@link io.latchkey.device.DeviceCatalog}'s lists, owner registration from the app, what devices report,
 * and the derived {@link io.latchkey.device.DeviceCard}. The services are {@link io.latchkey.device.DeviceSteps},
 * {@link io.latchkey.device.Claims}, {@link io.latchkey.device.Telemetry}, {@link io.latchkey.device.Owners} and
 * {@link io.latchkey.device.Devices}; the area's storage port is {@link io.latchkey.device.DeviceStore}.
 *
 * <p>Depends on the kernel packages (access, crypto, lifecycle, party, store, internal).
 */
package io.latchkey.device;
