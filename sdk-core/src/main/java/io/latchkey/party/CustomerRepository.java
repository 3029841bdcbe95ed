package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.CustomerId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.Optional;

/**
 * Storage port for end customers. Phone numbers are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface CustomerRepository extends VersionedRows<CustomerId, Customer> {

    /** A phone number is one customer's. */
    UniqueKey<Customer> PHONE = new UniqueKey<>("customer_phone_unique", Customer::phone,
            c -> LatchkeyException.of(ErrorCode.DUPLICATE, "customer " + c.phone()));

    Optional<Customer> findByPhone(PhoneNumber phone);
}
