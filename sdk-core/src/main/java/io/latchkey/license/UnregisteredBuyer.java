package io.latchkey.license;

/**
 * The requisites of a buyer outside the channel, typed by hand on a sale to an unregistered buyer.
 *
 * @param name    required, up to 200 characters
 * @param inn     optional; a valid INN when given
 * @param address optional, up to 500 characters
 */
public record UnregisteredBuyer(String name, String inn, String address) {
}
