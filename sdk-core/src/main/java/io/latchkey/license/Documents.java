package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.Templates;
import io.latchkey.party.Firm;
import io.latchkey.party.FirmId;
import io.latchkey.party.TaxId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.store.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * The ledger of licenses (MyPOS): the licensor mints, holders post documents that reveal or sell what they
 * hold, and a document's licenses can be e-mailed or printed. Documents are the only way licenses move, and
 * never change once posted.
 *
 * <p>Thread-safe.
 */
public final class Documents {

    private final Transactions transactions;
    private final LicenseRecords records;
    private final Outbox outbox;

    Documents(Transactions transactions, LicenseRecords records, Outbox outbox) {
        this.transactions = transactions;
        this.records = records;
        this.outbox = outbox;
    }

    /** The licensor mints {@code count} new licenses, sealed, in a MINT document. */
    public Document mint(Actor actor, int count) {
        if (count < 1 || count > LicenseRecords.MAX_BATCH) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "count", "count",
                    "1 to " + LicenseRecords.MAX_BATCH);
        }
        return transactions.inTransaction(() -> {
            records.access.requireOperator(actor, Permission.LICENSE_MINT);
            OrgId licensor = actor.organization();
            Instant now = records.clock.instant();
            Document document = document(actor, DocumentType.MINT, licensor, null, now);
            List<LicenseId> minted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String code = records.uniqueCode();
                LicenseId id = new LicenseId(records.ids.next());
                License license = records.steps.create(actor, records.licenses, new License(id, records.format,
                        records.sealer.keyedHashes(code, LicenseRecords.CODE_CONTEXT).get(0),
                        records.sealer.seal(code.getBytes(StandardCharsets.UTF_8), LicenseRecords.sealedFor(id)),
                        licensor, LicenseState.SEALED, false, false, now, 0), "document " + document.number());
                minted.add(license.id());
            }
            return insert(new Document(document.id(), document.number(), document.type(), document.seller(), null,
                    null, null, document.author(), now, minted));
        });
    }

    /** Posts a document that reveals or sells licenses the actor's organization holds. */
    public Document post(Actor actor, DocumentRequest request) {
        DocumentType type = Checks.required("type", request.type());
        if (type == DocumentType.MINT) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "type", "type", "minting is its own command");
        }
        return transactions.inTransaction(() -> {
            OrgId seller = Checks.required("organization", actor.organization());
            records.access.require(actor, Permission.LICENSE_TRADE, seller, ErrorCode.ORGANIZATION_NOT_FOUND, seller);
            // An outsider's tax id is checked by the rule of the seller's country.
            BuyerRequisites typed = type != DocumentType.SALE_TO_UNREGISTERED ? null : outsider(request.buyer(),
                    records.party.organizations().find(seller).orElseThrow().requisites().country());
            OrgId buyer = buyerFor(actor, type, request.buyerOrgId());
            Optional<Firm> firm = type == DocumentType.SALE_TO_COMPANY ? buyerFirm(buyer, request.buyerFirmId())
                    : Optional.empty();
            BuyerRequisites requisites = type != DocumentType.SALE_TO_COMPANY ? typed : firm.map(f ->
                    new BuyerRequisites(f.name(), f.inn(), f.address(), f.director())).orElseGet(() -> companyItself(
                    buyer));
            Set<LicenseState> movable = EnumSet.noneOf(LicenseState.class);
            for (LicenseState state : LicenseState.values()) {
                if (LicenseLifecycle.HOLDING.find(state, type).isPresent()) {
                    movable.add(state);
                }
            }
            List<License> licenses = chosen(seller, movable, request);
            Instant now = records.clock.instant();
            Document document = document(actor, type, seller, buyer, now);
            for (License license : licenses) {
                records.steps.take(actor, records.licenses, license, type,
                        (l, to) -> l.moved(buyer != null ? buyer : seller, to), "document " + document.number());
            }
            return insert(new Document(document.id(), document.number(), type, seller, buyer,
                    firm.map(Firm::id).orElse(null), requisites, document.author(), now,
                    licenses.stream().map(License::id).toList()));
        });
    }

    /** One document the actor may view (as seller or buyer). */
    public Document document(Actor actor, DocumentId id) {
        return transactions.inTransaction(() -> viewed(actor, id));
    }

    /** One document's licenses, as the actor may see them. */
    public List<LicenseView> documentLicenses(Actor actor, DocumentId id) {
        return transactions.inTransaction(() -> viewed(actor, id).licenses().stream()
                .map(l -> records.view(actor, records.store.licenses().find(l).orElseThrow())).toList());
    }

    /**
     * Documents by company, partner, author, period and type, within what the actor may view: its own
     * organization's documents unless {@code party} names another it may view.
     */
    public List<Document> documents(Actor actor, DocumentSearch search) {
        return transactions.inTransaction(() -> {
            OrgId party = search.party() != null ? search.party() : Checks.required("party", actor.organization());
            records.access.require(actor, Permission.VIEW, party, ErrorCode.ORGANIZATION_NOT_FOUND, party);
            return records.store.documents().search(new DocumentSearch(party, search.seller(), search.buyer(),
                    Checks.optional("author", search.author(), 200), Checks.optionalInstant("from", search.from()),
                    Checks.optionalInstant("to", search.to()), search.type(), search.before(),
                    Checks.pageSize(search.limit(), LicenseRecords.MAX_LIST)));
        });
    }

    /**
     * E-mails a document's licenses (their codes, as the seller may see them) and marks them sent. Only the
     * seller's members send, and only codes they could see themselves go out.
     */
    public Document send(Actor actor, DocumentId id, String email) {
        String to = Checks.email("email", email);
        return transactions.inTransaction(() -> {
            Document document = traded(actor, id);
            List<String> codes = new ArrayList<>();
            for (LicenseId licenseId : document.licenses()) {
                License license = records.store.licenses().find(licenseId).orElseThrow();
                records.view(actor, license).code().ifPresent(codes::add);
                // Only what the seller still holds is marked: sold-on licenses are someone else's now.
                if (license.holder().equals(document.seller()) || license.state() == LicenseState.SOLD) {
                    records.store.licenses().update(license.flagged(false, true));
                }
            }
            Organization seller = records.party.organizations().find(document.seller()).orElseThrow();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("documentNumber", Long.toString(document.number()));
            parameters.put("documentType", document.type().name());
            parameters.put("seller", seller.name());
            parameters.put("codes", String.join("\n", codes));
            outbox.enqueue("document.sent/" + id + "/" + to + "/" + records.ids.next(), new Notification(
                    Templates.DOCUMENT_LICENSES, seller.language(), to, "", parameters, List.of()));
            return document;
        });
    }

    /** A document's licenses for its printable page (codes as the seller may see them); marks them printed. */
    public List<LicenseView> print(Actor actor, DocumentId id) {
        return transactions.inTransaction(() -> {
            Document document = traded(actor, id);
            List<LicenseView> views = new ArrayList<>();
            for (LicenseId licenseId : document.licenses()) {
                License license = records.store.licenses().find(licenseId).orElseThrow();
                boolean stillTheSellers = license.holder().equals(document.seller());
                views.add(records.view(actor, stillTheSellers
                        ? records.store.licenses().update(license.flagged(true, false)) : license));
            }
            return views;
        });
    }

    /** A numbered document of the actor, to be completed and inserted once its licenses are known. */
    private Document document(Actor actor, DocumentType type, OrgId seller, OrgId buyer, Instant now) {
        return new Document(new DocumentId(records.ids.next()), records.store.documents().nextNumber(), type, seller,
                buyer, null, null, actor.describe(), now, List.of());
    }

    /**
     * The buyer company's firm a sale names (the seed: a company "может быть зарегистрировано несколько
     * собственных фирм"): the one given, which must be the company's; else its only one; none if it has none.
     */
    private Optional<Firm> buyerFirm(OrgId company, FirmId given) {
        if (given != null) {
            return Optional.of(records.party.firms().find(given).filter(f -> f.company().equals(company))
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.FIRM_NOT_FOUND, "buyerFirmId", given)));
        }
        List<Firm> firms = records.party.firms().byCompany(company, null, 2);
        if (firms.size() > 1) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "buyerFirmId", "buyerFirmId");
        }
        return firms.stream().findFirst();
    }

    /** A company without firms is its own buyer of record: its name and requisites, as they are today. */
    private BuyerRequisites companyItself(OrgId company) {
        Organization buyer = records.party.organizations().find(company).orElseThrow();
        return new BuyerRequisites(buyer.name(), buyer.requisites().inn(), buyer.requisites().address(),
                buyer.requisites().director());
    }

    private Document insert(Document document) {
        records.store.documents().insert(document);
        return document;
    }

    private OrgId buyerFor(Actor actor, DocumentType type, OrgId buyerOrgId) {
        OrgKind wanted = switch (type) {
            case SALE_TO_PARTNER -> OrgKind.PARTNER;
            case SALE_TO_COMPANY -> OrgKind.COMPANY;
            default -> null;
        };
        if (wanted == null) {
            return null;
        }
        OrgId id = Checks.required("buyerOrgId", buyerOrgId);
        // A partner is sold to from the list of partners, which every partner sees; a company only by a seller
        // it is connected to (or one above that).
        Organization buyer = records.party.organizations().find(id)
                .filter(o -> o.kind() == OrgKind.PARTNER && o.isOpen() || records.access.sees(actor, o.id()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "buyerOrgId", id));
        if (buyer.kind() != wanted || !buyer.isOpen() || buyer.id().equals(actor.organization())) {
            throw LatchkeyException.ofField(ErrorCode.BUYER_INVALID, "buyerOrgId", type, wanted);
        }
        return buyer.id();
    }

    private static BuyerRequisites outsider(BuyerRequisites typed, String country) {
        BuyerRequisites buyer = Checks.required("buyer", typed);
        String name = Checks.required("buyer.name", buyer.name(), 200);
        String inn = TaxId.optional("buyer.inn", country, buyer.inn());
        return new BuyerRequisites(name, inn, Checks.optional("buyer.address", buyer.address(), 500),
                Checks.optional("buyer.director", buyer.director(), 200));
    }

    private List<License> chosen(OrgId seller, Set<LicenseState> movable, DocumentRequest request) {
        List<License> licenses = new ArrayList<>();
        if (request.licenseIds() != null && !request.licenseIds().isEmpty()) {
            if (request.licenseIds().size() > LicenseRecords.MAX_BATCH) {
                // Refused before a single lookup: a document moves at most a batch.
                throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "licenseIds", "licenseIds",
                        "at most " + LicenseRecords.MAX_BATCH + " licenses");
            }
            for (LicenseId id : request.licenseIds()) {
                License license = records.store.licenses().find(id).filter(l -> l.holder().equals(seller))
                        .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.LICENSE_NOT_FOUND, "licenseIds", id));
                if (!movable.contains(license.state()) || licenses.contains(license)) {
                    throw LatchkeyException.ofField(ErrorCode.LICENSES_NOT_AVAILABLE, "licenseIds", 0);
                }
                licenses.add(license);
            }
            return licenses;
        }
        int count = Checks.required("count", request.count());
        if (count < 1 || count > LicenseRecords.MAX_BATCH) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "count", "count",
                    "1 to " + LicenseRecords.MAX_BATCH);
        }
        licenses.addAll(records.store.licenses().heldBy(seller, movable, null, count));
        if (licenses.size() < count) {
            throw LatchkeyException.ofField(ErrorCode.LICENSES_NOT_AVAILABLE, "count", licenses.size());
        }
        return licenses;
    }

    /** A document the actor sees as seller or buyer, once it may view that side. */
    private Document viewed(Actor actor, DocumentId id) {
        Document document = records.store.documents().find(id)
                .filter(d -> records.access.sees(actor, d.seller())
                        || d.buyer() != null && records.access.sees(actor, d.buyer()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.DOCUMENT_NOT_FOUND, id));
        boolean views = records.access.allows(actor, Permission.VIEW, Holder.of(document.seller()))
                || document.buyer() != null && records.access.allows(actor, Permission.VIEW,
                        Holder.of(document.buyer()));
        if (!views) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.VIEW.name());
        }
        return document;
    }

    /** A document the actor's organization posted, for sending and printing. */
    private Document traded(Actor actor, DocumentId id) {
        Document document = viewed(actor, id);
        records.access.require(actor, Permission.LICENSE_TRADE, document.seller(), ErrorCode.DOCUMENT_NOT_FOUND, id);
        return document;
    }
}
