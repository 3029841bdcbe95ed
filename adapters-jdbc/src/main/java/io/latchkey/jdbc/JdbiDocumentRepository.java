package io.latchkey.jdbc;

import io.latchkey.license.Document;
import io.latchkey.license.DocumentId;
import io.latchkey.license.DocumentRepository;
import io.latchkey.license.DocumentSearch;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseId;
import io.latchkey.license.UnregisteredBuyer;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** Documents in {@code license_document}, with one {@code license_document_line} per license, never updated. */
final class JdbiDocumentRepository implements DocumentRepository {

    private static final String COLUMNS = "id, doc_number, type, seller_id, buyer_id, buyer_name, buyer_inn, "
            + "buyer_address, author, posted_at";

    private final Supplier<Handle> handle;
    private final Dialect dialect;

    JdbiDocumentRepository(Supplier<Handle> handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void insert(Document d) {
        UnregisteredBuyer outsider = d.outsider();
        Sql.execute(handle.get().createUpdate("INSERT INTO license_document (" + COLUMNS + ") VALUES (:id, :number, "
                        + ":type, :seller, :buyer, :buyerName, :buyerInn, :buyerAddress, :author, :postedAt)")
                .bind("id", Sql.uuid(d.id().value()))
                .bind("number", d.number())
                .bind("type", d.type().name())
                .bind("seller", Sql.uuid(d.seller().value()))
                .bind("buyer", Sql.uuid(d.buyer() == null ? null : d.buyer().value()))
                .bind("buyerName", Sql.text(outsider == null ? null : outsider.name()))
                .bind("buyerInn", Sql.text(outsider == null ? null : outsider.inn()))
                .bind("buyerAddress", Sql.text(outsider == null ? null : outsider.address()))
                .bind("author", d.author())
                .bind("postedAt", Sql.instant(d.postedAt())), Map.of());
        PreparedBatch lines = handle.get().prepareBatch("INSERT INTO license_document_line (document_id, line, "
                + "license_id) VALUES (:document, :line, :license)");
        for (int i = 0; i < d.licenses().size(); i++) {
            lines.bind("document", Sql.uuid(d.id().value())).bind("line", i)
                    .bind("license", Sql.uuid(d.licenses().get(i).value())).add();
        }
        if (!d.licenses().isEmpty()) {
            lines.execute();
        }
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM license_document WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne().map(this::withLines);
    }

    @Override
    public long nextNumber() {
        return handle.get().createQuery(dialect.nextValue("license_document_number")).mapTo(Long.class).one();
    }

    @Override
    public List<Document> search(DocumentSearch q) {
        List<String> where = new ArrayList<>();
        if (q.party() != null) {
            where.add("(seller_id = :party OR buyer_id = :party)");
        }
        if (q.seller() != null) {
            where.add("seller_id = :seller");
        }
        if (q.buyer() != null) {
            where.add("buyer_id = :buyer");
        }
        if (q.author() != null) {
            where.add("author = :author");
        }
        if (q.from() != null) {
            where.add("posted_at >= :from");
        }
        if (q.to() != null) {
            where.add("posted_at < :to");
        }
        if (q.type() != null) {
            where.add("type = :type");
        }
        if (q.before() != null) {
            where.add("doc_number < :before");
        }
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM license_document"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY doc_number DESC LIMIT :limit");
        if (q.party() != null) {
            query.bind("party", Sql.uuid(q.party().value()));
        }
        if (q.seller() != null) {
            query.bind("seller", Sql.uuid(q.seller().value()));
        }
        if (q.buyer() != null) {
            query.bind("buyer", Sql.uuid(q.buyer().value()));
        }
        if (q.author() != null) {
            query.bind("author", q.author());
        }
        if (q.from() != null) {
            query.bind("from", Sql.instant(q.from()));
        }
        if (q.to() != null) {
            query.bind("to", Sql.instant(q.to()));
        }
        if (q.type() != null) {
            query.bind("type", q.type().name());
        }
        if (q.before() != null) {
            query.bind("before", q.before());
        }
        return query.bind("limit", q.limit()).map((rs, ctx) -> read(rs)).list().stream().map(this::withLines).toList();
    }

    @Override
    public List<Document> of(LicenseId license) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM license_document WHERE id IN (SELECT document_id "
                        + "FROM license_document_line WHERE license_id = :license) ORDER BY doc_number")
                .bind("license", Sql.uuid(license.value())).map((rs, ctx) -> read(rs)).list().stream()
                .map(this::withLines).toList();
    }

    private Document withLines(Document d) {
        List<LicenseId> licenses = handle.get().createQuery("SELECT license_id FROM license_document_line "
                        + "WHERE document_id = :document ORDER BY line")
                .bind("document", Sql.uuid(d.id().value()))
                .map((rs, ctx) -> new LicenseId(Sql.uuid(rs, "license_id"))).list();
        return new Document(d.id(), d.number(), d.type(), d.seller(), d.buyer(), d.outsider(), d.author(), d.postedAt(),
                licenses);
    }

    private static Document read(ResultSet rs) throws SQLException {
        UUID buyer = Sql.uuid(rs, "buyer_id");
        String name = rs.getString("buyer_name");
        return new Document(new DocumentId(Sql.uuid(rs, "id")), rs.getLong("doc_number"),
                DocumentType.valueOf(rs.getString("type")), new OrgId(Sql.uuid(rs, "seller_id")),
                buyer == null ? null : new OrgId(buyer),
                name == null ? null : new UnregisteredBuyer(name, rs.getString("buyer_inn"),
                        rs.getString("buyer_address")),
                rs.getString("author"), Sql.instant(rs, "posted_at"), List.of());
    }
}
