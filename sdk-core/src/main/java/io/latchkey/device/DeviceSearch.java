package io.latchkey.device;

import io.latchkey.access.CustomerId;
import io.latchkey.access.OrgId;

/**
 * Criteria of a device search; null criteria match everything.
 *
 * @param serialContains part of the serial number, any case
 * @param status         one status
 * @param partner        the responsible partner
 * @param owner          the owning customer (found by phone)
 * @param afterSerial    the last serial of the previous page (exclusive)
 * @param limit          the page size
 */
public record DeviceSearch(String serialContains, DeviceStatus status, OrgId partner, CustomerId owner,
                           String afterSerial, int limit) {
}
