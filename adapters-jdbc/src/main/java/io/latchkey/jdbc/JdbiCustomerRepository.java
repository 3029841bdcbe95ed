package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.party.Customer;
import io.latchkey.access.CustomerId;
import io.latchkey.party.CustomerRepository;
import io.latchkey.party.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** End customers in the {@code customer} table; phones are unique. */
final class JdbiCustomerRepository implements CustomerRepository {

    private static final String COLUMNS = "id, phone, email, created_at, version";

    private final Supplier<Handle> handle;

    JdbiCustomerRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    private static Map<String, Supplier<LatchkeyException>> unique(Customer c) {
        return Map.of("customer_phone_unique", () -> LatchkeyException.of(ErrorCode.DUPLICATE,
                "customer " + c.phone()));
    }

    @Override
    public void insert(Customer c) {
        Update insert = handle.get().createUpdate("INSERT INTO customer (" + COLUMNS + ") VALUES (:id, :phone, :email, "
                + ":createdAt, :version)");
        Sql.execute(bind(insert, c), unique(c));
    }

    @Override
    public Customer update(Customer c) {
        Update update = handle.get().createUpdate("UPDATE customer SET phone = :phone, email = :email, "
                + "created_at = :createdAt, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, c), "customer", c.id(), unique(c));
        return c.withVersion(c.version() + 1);
    }

    private static Update bind(Update update, Customer c) {
        return update.bind("id", Sql.uuid(c.id().value()))
                .bind("phone", c.phone().e164())
                .bind("email", Sql.text(c.email()))
                .bind("createdAt", Sql.instant(c.createdAt()))
                .bind("version", c.version());
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM customer WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Customer> findByPhone(PhoneNumber phone) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM customer WHERE phone = :phone")
                .bind("phone", phone.e164()).map((rs, ctx) -> read(rs)).findOne();
    }

    private static Customer read(ResultSet rs) throws SQLException {
        return new Customer(new CustomerId(Sql.uuid(rs, "id")), new PhoneNumber(rs.getString("phone")),
                rs.getString("email"), Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
