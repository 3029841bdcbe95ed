package io.latchkey.party;

import io.latchkey.access.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * An end customer: a person who owns a device, known by the phone they registered it from.
 *
 * @param id        its id
 * @param phone     E.164 phone number; unique
 * @param email     set when the customer wrote through the app's feedback form; may be null
 * @param createdAt when it was first seen
 * @param version   optimistic version
 */
public record Customer(CustomerId id, PhoneNumber phone, String email, Instant createdAt, long version) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same customer with another version; for stores. */
    public Customer withVersion(long version) {
        return new Customer(id, phone, email, createdAt, version);
    }

    /** The same customer with another e-mail address (already checked). */
    public Customer withEmail(String newEmail) {
        return new Customer(id, phone, newEmail, createdAt, version);
    }
}
