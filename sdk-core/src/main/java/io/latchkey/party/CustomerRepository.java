package io.latchkey.party;

import io.latchkey.access.CustomerId;
import java.util.Optional;

/**
 * Storage port for end customers. Phone numbers are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface CustomerRepository {

    void insert(Customer customer);

    Customer update(Customer customer);

    Optional<Customer> find(CustomerId id);

    Optional<Customer> findByPhone(PhoneNumber phone);
}
