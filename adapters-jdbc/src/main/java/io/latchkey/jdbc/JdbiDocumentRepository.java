package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.license.BuyerRequisites;
import io.latchkey.license.Document;
import io.latchkey.license.DocumentId;
import io.latchkey.license.DocumentRepository;
import io.latchkey.license.DocumentSearch;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseId;
import io.latchkey.party.FirmId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Documents in {@code license_document}, with one {@code license_document_line} per license, never updated. */
final class JdbiDocumentRepository extends JdbiRows<DocumentId, Document> implements DocumentRepository {

    static final Table<Document> TABLE = Table.<Document>named("license_document")
            .uuid("id", Document::id)
            .bigint("doc_number", Document::number)
            .text("type", Document::type)
            .uuid("seller_id", Document::seller)
            .uuid("buyer_id", Document::buyer)
            .uuid("buyer_firm_id", Document::buyerFirm)
            .text("buyer_name", d -> d.buyerRequisites() == null ? null : d.buyerRequisites().name())
            .text("buyer_inn", d -> d.buyerRequisites() == null ? null : d.buyerRequisites().inn())
            .text("buyer_address", d -> d.buyerRequisites() == null ? null : d.buyerRequisites().address())
            .text("buyer_director", d -> d.buyerRequisites() == null ? null : d.buyerRequisites().director())
            .text("author", Document::author)
            .time("posted_at", Document::postedAt)
            .reads(r -> new Document(r.id("id", DocumentId::new), r.bigint("doc_number"),
                    r.enumOf("type", DocumentType.class), r.id("seller_id", OrgId::new), r.id("buyer_id", OrgId::new),
                    r.id("buyer_firm_id", FirmId::new), r.text("buyer_name") == null ? null : new BuyerRequisites(
                            r.text("buyer_name"), r.text("buyer_inn"), r.text("buyer_address"),
                            r.text("buyer_director")),
                    r.text("author"), r.time("posted_at"), List.of()));

    private final Dialect dialect;

    JdbiDocumentRepository(Supplier<Handle> handle, Dialect dialect) {
        super(handle, TABLE);
        this.dialect = dialect;
    }

    @Override
    public void insert(Document d) {
        super.insert(d);
        PreparedBatch lines = handle().prepareBatch("INSERT INTO license_document_line (document_id, line, "
                + "license_id) VALUES (:document, :line, :license)");
        for (int i = 0; i < d.licenses().size(); i++) {
            Table.bind(lines, Map.of("document", d.id(), "line", i, "license", d.licenses().get(i))).add();
        }
        if (!d.licenses().isEmpty()) {
            lines.execute();
        }
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        return super.find(id).map(this::withLines);
    }

    @Override
    public long nextNumber() {
        return handle().createQuery(dialect.nextValue("license_document_number")).mapTo(Long.class).one();
    }

    @Override
    public List<Document> search(DocumentSearch q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>(Map.of("limit", q.limit()));
        Sql.criterion(where, binds, "(seller_id = :party OR buyer_id = :party)", "party", q.party());
        Sql.criterion(where, binds, "seller_id = :seller", "seller", q.seller());
        Sql.criterion(where, binds, "buyer_id = :buyer", "buyer", q.buyer());
        Sql.criterion(where, binds, "author = :author", "author", q.author());
        Sql.criterion(where, binds, "posted_at >= :from", "from", q.from());
        Sql.criterion(where, binds, "posted_at < :to", "to", q.to());
        Sql.criterion(where, binds, "type = :type", "type", q.type());
        Sql.criterion(where, binds, "doc_number < :before", "before", q.before());
        return list((where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
                + " ORDER BY doc_number DESC LIMIT :limit", binds).stream().map(this::withLines).toList();
    }

    @Override
    public List<Document> of(LicenseId license) {
        return list("WHERE id IN (SELECT document_id FROM license_document_line WHERE license_id = :license) "
                + "ORDER BY doc_number", Map.of("license", license)).stream().map(this::withLines).toList();
    }

    private Document withLines(Document d) {
        List<LicenseId> licenses = Table.bind(handle().createQuery("SELECT license_id FROM license_document_line "
                        + "WHERE document_id = :document ORDER BY line"), Map.of("document", d.id()))
                .map((rs, ctx) -> new Row(rs).id("license_id", LicenseId::new)).list();
        return new Document(d.id(), d.number(), d.type(), d.seller(), d.buyer(), d.buyerFirm(), d.buyerRequisites(),
                d.author(), d.postedAt(), licenses);
    }
}
