package io.latchkey.server;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.license.BuyerRequisites;
import io.latchkey.license.Document;
import io.latchkey.license.DocumentId;
import io.latchkey.license.DocumentRequest;
import io.latchkey.license.DocumentSearch;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseId;
import io.latchkey.license.LicenseState;
import io.latchkey.license.LicenseView;
import io.latchkey.party.FirmId;
import io.latchkey.notify.Language;
import io.latchkey.party.Organization;
import io.latchkey.party.Requisites;
import io.latchkey.server.Api.Page;
import io.latchkey.server.AccountRoutes.Email;
import io.latchkey.server.Views.LicenseItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Licenses (MyPOS): the licensor mints, holders list what they hold and post documents that reveal or sell it,
 * a document's codes are printed or e-mailed; POS devices activate, release and renew with a code and their
 * fingerprint, and check files offline against the published keys and revocation list.
 */
final class LicenseRoutes {

    /** How the journal names a member author ({@code Actor#describe()}): what {@code authorId} is matched as. */
    private static final String MEMBER_AUTHOR = "member:";

    private static final DateTimeFormatter PRINTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record MintBody(Integer count) {
    }

    record Minted(int minted, String documentId) {
    }

    record BuyerBody(String name, String taxId, String address, String director) {
    }

    record DocumentBody(DocumentType type, String buyerOrgId, String buyerFirmId, BuyerBody buyer, Integer count,
                        List<String> licenseIds) {
    }

    /** A buyer's requisites as the document keeps them, under the names the request uses. */
    record BuyerView(String name, String taxId, String address, String director) {
    }

    /** A posted document; {@code authorId} is the posting member's id ({@code author}: how the journal names it). */
    record DocumentItem(String id, long number, DocumentType type, String sellerId, String buyerOrgId,
                        String buyerFirmId, BuyerView buyer, String author, String authorId, Instant postedAt,
                        List<String> licenseIds) {

        static DocumentItem of(Document d) {
            BuyerRequisites r = d.buyerRequisites();
            String author = d.author();
            return new DocumentItem(d.id().toString(), d.number(), d.type(), d.seller().toString(),
                    d.buyer() == null ? null : d.buyer().toString(),
                    d.buyerFirm() == null ? null : d.buyerFirm().toString(),
                    r == null ? null : new BuyerView(r.name(), r.inn(), r.address(), r.director()), author,
                    author.startsWith(MEMBER_AUTHOR) ? author.substring(MEMBER_AUTHOR.length()) : null,
                    d.postedAt(), d.licenses().stream().map(LicenseId::toString).toList());
        }
    }

    record DocumentCard(DocumentItem document, List<LicenseItem> licenses) {
    }

    record ActivationBody(String code, String fingerprint) {
    }

    record Deactivated(boolean deactivated) {
    }

    /** A public key devices and readers verify signed files with (URL-safe base64 without padding). */
    record KeyItem(String keyId, String algorithm, String publicKey) {

        static KeyItem of(VerificationKey k) {
            return new KeyItem(k.keyId(), "Ed25519", k.publicKeyBase64());
        }
    }

    record KeyList(List<KeyItem> keys) {
    }

    private LicenseRoutes() {
    }

    static void declare(Api api) {
        api.area("Licenses");
        api.post("/api/v1/licenses/mint").body(MintBody.class).status(201)
                .summary("The licensor mints new sealed licenses in a MINT document").handle(c -> {
                    Integer count = c.body(MintBody.class).count();
                    if (count == null) {
                        throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "count", "count");
                    }
                    Document minted = c.sdk.documents().mint(c.actor(), count);
                    return new Minted(minted.licenses().size(), minted.id().toString());
                });
        api.get("/api/v1/licenses").list().query("state", "holderId")
                .summary("Licenses an organization holds (default: the caller's), codes as the caller may see them")
                .handle(c -> {
                    int limit = c.limit();
                    List<LicenseItem> items = c.sdk.licenses().licenses(c.actor(), c.queryId("holderId",
                                    OrgId::parse), c.queryEnum("state", LicenseState.class),
                            c.cursorId(LicenseId::parse), limit).stream().map(LicenseItem::of).toList();
                    return Page.of(items, limit, LicenseItem::id);
                });

        api.post("/api/v1/documents").body(DocumentBody.class).status(201)
                .summary("Post a document that reveals or sells licenses the caller's organization holds")
                .handle(c -> {
                    DocumentBody b = c.body(DocumentBody.class);
                    BuyerBody buyer = b.buyer();
                    DocumentRequest request = new DocumentRequest(b.type(),
                            Call.id("buyerOrgId", b.buyerOrgId(), OrgId::parse),
                            Call.id("buyerFirmId", b.buyerFirmId(), FirmId::parse),
                            buyer == null ? null : new BuyerRequisites(buyer.name(), buyer.taxId(), buyer.address(),
                                    buyer.director()), b.count(),
                            Call.ids("licenseIds", b.licenseIds(), LicenseId::parse));
                    return DocumentItem.of(Call.naming(() -> c.sdk.documents().post(c.actor(), request),
                            "buyer.inn", "buyer.taxId"));
                });
        api.get("/api/v1/documents").list().query("companyId", "partnerId", "authorId", "from", "to", "type")
                .summary("Documents by company, partner, author, period and type, newest first")
                .handle(LicenseRoutes::documents);
        api.get("/api/v1/documents/{id}").summary("A document with its licenses").handle(c -> {
            DocumentId id = document(c);
            DocumentItem document = DocumentItem.of(c.sdk.documents().document(c.actor(), id));
            return new DocumentCard(document, c.sdk.documents().documentLicenses(c.actor(), id).stream()
                    .map(LicenseItem::of).toList());
        });
        api.get("/api/v1/documents/{id}/print").produces("text/html").query("lang")
                .summary("The printable page of a document the caller posted; its licenses get the printed flag")
                .handle(c -> new Api.Binary("text/html; charset=utf-8",
                        printable(c, document(c)).getBytes(StandardCharsets.UTF_8)));
        api.post("/api/v1/documents/{id}/send").body(Email.class).status(202)
                .summary("E-mail a document's licenses; they get the sent flag").handle(c -> {
                    c.sdk.documents().send(c.actor(), document(c), c.body(Email.class).email());
                    return null;
                });

        api.post("/api/v1/activations").open().body(ActivationBody.class).status(201)
                .summary("A device activates a license with its code and fingerprint; answers the signed file")
                .handle(c -> {
                    ActivationBody b = c.body(ActivationBody.class);
                    return c.sdk.activations().activate(Call.required("code", b.code()), b.fingerprint(),
                            c.source());
                });
        api.post("/api/v1/activations/deactivate").open().body(ActivationBody.class)
                .summary("The device that activated a license releases it").handle(c -> {
                    ActivationBody b = c.body(ActivationBody.class);
                    c.sdk.activations().deactivate(Call.required("code", b.code()), b.fingerprint(), c.source());
                    return new Deactivated(true);
                });
        // Activating again on the same device is how the SDK renews: a new file with a new issue time.
        api.post("/api/v1/activations/renew").open().body(ActivationBody.class)
                .summary("The device renews its activation: a fresh signed file").handle(c -> {
                    ActivationBody b = c.body(ActivationBody.class);
                    return c.sdk.activations().activate(Call.required("code", b.code()), b.fingerprint(),
                            c.source());
                });
        api.get("/api/v1/keys").open().summary("The public keys signed files are verified with, current first")
                .handle(c -> new KeyList(c.sdk.keys().verificationKeys().stream().map(KeyItem::of).toList()));
        api.get("/api/v1/revocations").open()
                .summary("The signed list of activations released while their files may still be good")
                .handle(c -> c.sdk.activations().revocationList());
    }

    /**
     * The document search. A partner's or company's documents are those it sells or buys, and the SDK checks the
     * caller may view that party; with both, the partner's documents with that company as the buyer.
     */
    private static Page<DocumentItem> documents(Call c) {
        OrgId company = c.queryId("companyId", OrgId::parse);
        OrgId partner = c.queryId("partnerId", OrgId::parse);
        MemberId author = c.queryId("authorId", MemberId::parse);
        int limit = c.limit();
        DocumentSearch search = new DocumentSearch(partner != null ? partner : company, null,
                partner != null ? company : null, author == null ? null : MEMBER_AUTHOR + author,
                c.queryTime("from"), c.queryTime("to"), c.queryEnum("type", DocumentType.class),
                c.cursorId(Long::valueOf), limit);
        List<DocumentItem> items = c.sdk.documents().documents(c.actor(), search).stream().map(DocumentItem::of)
                .toList();
        return Page.of(items, limit, DocumentItem::number);
    }

    private static DocumentId document(Call c) {
        return c.pathId("id", DocumentId::parse, ErrorCode.DOCUMENT_NOT_FOUND);
    }

    /** The printable page: the document, the seller's and buyer's requisites and the codes, every value escaped. */
    private static String printable(Call c, DocumentId id) {
        Actor actor = c.actor();
        // The reader's language: asked for (?lang=, as the portal does), else the member's own; checked before
        // print() marks the licenses printed.
        String asked = c.query("lang");
        PrintTexts w = new PrintTexts(asked != null ? Language.parse("lang", asked)
                : c.sdk.members().self(actor).language());
        Document d = c.sdk.documents().document(actor, id);
        // print() refuses all but the seller's members, before the seller's card is read.
        List<LicenseView> licenses = c.sdk.documents().print(actor, id);
        Organization seller = c.sdk.organizations().organization(actor, d.seller());
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(w.lang())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(w.of("Document"))).append(' ')
                .append(d.number()).append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#111;")
                .append("margin:2rem auto;max-width:60rem;padding:0 1rem}\n")
                .append("h1{font-size:1.4rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}\n")
                .append("table{border-collapse:collapse;width:100%}\n")
                .append("th,td{border:1px solid #bbb;padding:.35rem .6rem;text-align:left;vertical-align:top}\n")
                .append("th{background:#f2f2f2;font-weight:600}\n.requisites th{width:12rem}\n")
                .append(".codes td.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.05rem;")
                .append("letter-spacing:.05em;white-space:nowrap}\n.num{width:3rem;text-align:right}\n")
                .append("@media print{body{margin:0;max-width:none;padding:0;font-size:11pt}")
                .append("th{background:none}tr{break-inside:avoid}thead{display:table-header-group}")
                .append("@page{margin:15mm}}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(w.of("Document"))).append(' ').append(d.number())
                .append("</h1>\n<table class=\"requisites\">\n");
        row(html, w.of("Number"), Long.toString(d.number()));
        row(html, w.of("Type"), w.of(d.type().name()));
        row(html, w.of("Date"), PRINTED_AT.format(d.postedAt().atZone(seller.timezone())) + " ("
                + seller.timezone().getId() + ")");
        html.append("</table>\n<h2>").append(escape(w.of("Seller")))
                .append("</h2>\n<table class=\"requisites\">\n");
        Requisites r = seller.requisites();
        row(html, w.of("Name"), r.legalName() != null && !r.legalName().isBlank() ? r.legalName() : seller.name());
        requisites(html, w, r.inn(), r.address(), r.director());
        row(html, w.of("Phone"), r.phone());
        row(html, w.of("E-mail"), r.email());
        html.append("</table>\n<h2>").append(escape(w.of("Buyer"))).append("</h2>\n");
        buyer(c, d, html, w);
        html.append("<h2>").append(escape(w.of("Licenses"))).append(" (").append(licenses.size())
                .append(")</h2>\n<table class=\"codes\">\n<thead><tr><th class=\"num\">#</th><th>")
                .append(escape(w.of("Code"))).append("</th><th>").append(escape(w.of("License id")))
                .append("</th><th>").append(escape(w.of("State"))).append("</th></tr></thead>\n<tbody>\n");
        int line = 0;
        for (LicenseView v : licenses) {
            html.append("<tr><td class=\"num\">").append(++line).append("</td><td class=\"code\">")
                    .append(escape(v.code().orElse("—"))).append("</td><td>").append(escape(v.license().id()))
                    .append("</td><td>").append(escape(w.of(v.license().state().name()))).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    /**
     * The buyer's requisites: the copy a sale keeps (a company's firm, an unregistered buyer), else a partner's
     * card from the partner list (a sale to a partner may go to any open partner, not only ones the seller views).
     */
    private static void buyer(Call c, Document d, StringBuilder html, PrintTexts w) {
        BuyerRequisites kept = d.buyerRequisites();
        if (kept == null && d.buyer() == null) {
            html.append("<p>—</p>\n");
            return;
        }
        html.append("<table class=\"requisites\">\n");
        if (kept != null) {
            row(html, w.of("Name"), kept.name());
            requisites(html, w, kept.inn(), kept.address(), kept.director());
        } else {
            Organization partner = c.sdk.organizations().searchPartners(c.actor(), d.buyer().toString(), null, 1)
                    .stream().filter(o -> o.id().equals(d.buyer())).findFirst().orElse(null);
            if (partner == null) {
                row(html, w.of("Id"), d.buyer().toString());
            } else {
                row(html, w.of("Name"), partner.name());
                requisites(html, w, partner.requisites().inn(), partner.requisites().address(),
                        partner.requisites().director());
            }
        }
        html.append("</table>\n");
    }

    private static void requisites(StringBuilder html, PrintTexts w, String taxId, String address,
                                   String director) {
        row(html, w.of("Tax id"), taxId);
        row(html, w.of("Address"), address);
        row(html, w.of("Director"), director);
    }

    /** A row of a requisites table; a value not given leaves no row. */
    private static void row(StringBuilder html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value))
                    .append("</td></tr>\n");
        }
    }

    /** The text of {@code value} safe inside an element or a quoted attribute. */
    private static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
