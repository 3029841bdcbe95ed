package io.latchkey.jdbc;

import io.latchkey.access.CustomerId;
import io.latchkey.party.Customer;
import io.latchkey.party.CustomerRepository;
import io.latchkey.party.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** End customers in the {@code customer} table; phones are unique. */
final class JdbiCustomerRepository extends JdbiRows<CustomerId, Customer> implements CustomerRepository {

    static final Table<Customer> TABLE = Table.<Customer>named("customer")
            .uuid("id", Customer::id)
            .text("phone", c -> c.phone().e164())
            .text("email", Customer::email)
            .time("created_at", Customer::createdAt)
            .version(Customer::version, Customer::withVersion)
            .unique(PHONE)
            .reads(r -> new Customer(r.id("id", CustomerId::new), r.text("phone", PhoneNumber::new), r.text("email"),
                    r.time("created_at"), r.bigint("version")));

    JdbiCustomerRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<Customer> findByPhone(PhoneNumber phone) {
        return one("WHERE phone = :phone", Map.of("phone", phone.e164()));
    }
}
