package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.crypto.Sealer;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Kernel;
import io.latchkey.lifecycle.Transition;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.Inn;
import io.latchkey.party.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands of licenses (MyPOS): the licensor mints, holders post documents that reveal or sell, devices
 * activate with the code and verify the signed activation file offline. Codes are stored only as a keyed hash
 * and a sealed copy, and shown in full only to a holder that revealed them.
 *
 * <p>Thread-safe.
 */
public final class LicenseService {

    private static final String CODE_CONTEXT = "license/code";
    private static final int MAX_MINT = 10_000;
    private static final int MAX_LIST = 1000;

    private final Kernel kernel;
    private final Store store;
    private final Sealer sealer;
    private final CodeFormat format;

    public LicenseService(Kernel kernel, Sealer sealer, CodeFormat format) {
        this.kernel = kernel;
        this.store = kernel.store();
        this.sealer = sealer;
        this.format = format;
    }

    /** The licensor mints {@code count} new licenses, sealed, in a MINT document. */
    public Document mint(Actor actor, int count) {
        if (count < 1 || count > MAX_MINT) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "count", "count", "1 to " + MAX_MINT);
        }
        return store.inTransaction(() -> {
            Organization licensor = store.organizations().findOperator().orElseThrow();
            if (!actor.isSystem() && !licensor.id().equals(actor.organization())) {
                // Everyone knows the licensor mints; saying so reveals nothing.
                throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.LICENSE_MINT.name());
            }
            kernel.access().require(actor, Permission.LICENSE_MINT, licensor.id(), ErrorCode.ORGANIZATION_NOT_FOUND,
                    licensor.id());
            Instant now = kernel.clock().instant();
            List<LicenseId> minted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String code = uniqueCode();
                License license = new License(new LicenseId(kernel.ids().next()), format,
                        sealer.keyedHashes(code, CODE_CONTEXT).get(0),
                        sealer.seal(code.getBytes(StandardCharsets.UTF_8), CODE_CONTEXT), licensor.id(),
                        LicenseState.SEALED, false, false, now, 0);
                store.licenses().insert(license);
                minted.add(license.id());
            }
            return post(actor, DocumentType.MINT, licensor.id(), null, null, minted, now);
        });
    }

    /** Posts a document that reveals or sells licenses the actor's organization holds. */
    public Document post(Actor actor, DocumentRequest request) {
        DocumentType type = Checks.required("type", request.type());
        if (type == DocumentType.MINT) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "type", "type", "minting is its own command");
        }
        UnregisteredBuyer outsider = type == DocumentType.SALE_TO_UNREGISTERED ? outsider(request.buyer()) : null;
        return store.inTransaction(() -> {
            OrgId seller = Checks.required("organization", actor.organization());
            kernel.access().require(actor, Permission.LICENSE_TRADE, seller, ErrorCode.ORGANIZATION_NOT_FOUND, seller);
            OrgId buyer = buyerFor(actor, type, request.buyerOrgId());
            Set<LicenseState> movable = EnumSet.noneOf(LicenseState.class);
            for (LicenseState state : LicenseState.values()) {
                if (LicenseLifecycle.HOLDING.find(state, type).isPresent()) {
                    movable.add(state);
                }
            }
            List<License> licenses = chosen(seller, movable, request);
            Instant now = kernel.clock().instant();
            for (License license : licenses) {
                Transition<LicenseState, DocumentType> step = LicenseLifecycle.HOLDING.require(license.state(), type);
                store.licenses().update(license.moved(buyer != null ? buyer : seller, step.to()));
                kernel.journal().record(actor, LicenseLifecycle.LICENSE_AGGREGATE, license.id(), step, type.name());
            }
            return post(actor, type, seller, buyer, outsider, licenses.stream().map(License::id).toList(), now);
        });
    }

    /** The licenses an organization the actor sees holds, by id, optionally in one state. */
    public List<LicenseView> licenses(Actor actor, OrgId holder, LicenseState state, LicenseId after, int limit) {
        return store.inTransaction(() -> {
            OrgId owner = holder != null ? holder : Checks.required("holderId", actor.organization());
            kernel.access().require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return store.licenses().heldBy(owner, state == null ? null : EnumSet.of(state), after,
                    Checks.pageSize(limit, MAX_LIST)).stream().map(l -> view(actor, l)).toList();
        });
    }

    /** One document the actor sees (as seller or buyer), with its licenses as the actor may see them. */
    public List<LicenseView> documentLicenses(Actor actor, DocumentId id) {
        return store.inTransaction(() -> {
            Document document = visibleDocument(actor, id);
            return document.licenses().stream().map(l -> view(actor, store.licenses().find(l).orElseThrow())).toList();
        });
    }

    /** One document the actor sees. */
    public Document document(Actor actor, DocumentId id) {
        return store.inTransaction(() -> visibleDocument(actor, id));
    }

    /**
     * Documents by company, partner, author, period and type, within what the actor sees: its own
     * organization's documents unless {@code party} names another it sees.
     */
    public List<Document> documents(Actor actor, DocumentSearch search) {
        return store.inTransaction(() -> {
            OrgId party = search.party() != null ? search.party() : Checks.required("party", actor.organization());
            kernel.access().require(actor, Permission.VIEW, party, ErrorCode.ORGANIZATION_NOT_FOUND, party);
            return store.documents().search(new DocumentSearch(party, search.seller(), search.buyer(), search.author(),
                    search.from(), search.to(), search.type(), search.before(),
                    Checks.pageSize(search.limit(), MAX_LIST)));
        });
    }

    /**
     * E-mails a document's licenses (their codes, as the seller may see them) and marks them sent. Only the
     * seller's members send, and only codes they could see themselves go out.
     */
    public Document send(Actor actor, DocumentId id, String email) {
        String to = Checks.email("email", email);
        return store.inTransaction(() -> {
            Document document = tradedDocument(actor, id);
            List<String> codes = new ArrayList<>();
            for (LicenseId licenseId : document.licenses()) {
                License license = store.licenses().find(licenseId).orElseThrow();
                view(actor, license).code().ifPresent(codes::add);
                // Only what the seller still holds is marked: sold-on licenses are someone else's now.
                if (license.holder().equals(document.seller()) || license.state() == LicenseState.SOLD) {
                    store.licenses().update(license.flagged(false, true));
                }
            }
            Organization seller = store.organizations().find(document.seller()).orElseThrow();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("documentNumber", Long.toString(document.number()));
            parameters.put("documentType", document.type().name());
            parameters.put("seller", seller.name());
            parameters.put("codes", String.join("\n", codes));
            kernel.outbox().enqueue("document.sent/" + id + "/" + to + "/" + kernel.ids().next(), new Notification(
                    Templates.DOCUMENT_LICENSES, seller.language(), to, "", parameters, List.of()));
            return document;
        });
    }

    /** A document's licenses for its printable page (codes as the seller may see them); marks them printed. */
    public List<LicenseView> print(Actor actor, DocumentId id) {
        return store.inTransaction(() -> {
            Document document = tradedDocument(actor, id);
            List<LicenseView> views = new ArrayList<>();
            for (LicenseId licenseId : document.licenses()) {
                License license = store.licenses().find(licenseId).orElseThrow();
                boolean stillTheSellers = license.holder().equals(document.seller());
                views.add(view(actor, stillTheSellers ? store.licenses().update(license.flagged(true, false)) : license));
            }
            return views;
        });
    }

    /**
     * A device activates a license with its code and fingerprint, and receives the signed activation file. A
     * license is active on one device at a time; activating again on the same device returns a new file.
     * Mistyped codes are refused before any lookup; failures are rate-limited per source and per code.
     */
    public ActivationFile activate(String code, String fingerprint, String source) {
        String print = fingerprint(fingerprint);
        return store.inTransaction(() -> {
            License license = byCode(code, source);
            Instant now = kernel.clock().instant();
            Optional<Activation> active = store.activations().active(license.id());
            if (active.isPresent() && !active.get().fingerprint().equals(print)) {
                throw LatchkeyException.of(ErrorCode.LICENSE_ALREADY_ACTIVATED);
            }
            if (active.isEmpty()) {
                Activation activation = new Activation(new ActivationId(kernel.ids().next()), license.id(), print,
                        ActivationState.ACTIVE, now, null, 0);
                store.activations().insert(activation);
                kernel.journal().created(Actor.anonymous(source), LicenseLifecycle.ACTIVATION_AGGREGATE,
                        activation.id(), activation.state(), license.id().toString());
            }
            return ActivationFile.sign(kernel.keys().currentSigningKey(), license.id().toString(), print,
                    license.holder().toString(), now);
        });
    }

    /** The device that activated a license releases it; another device may then activate it. */
    public void deactivate(String code, String fingerprint, String source) {
        String print = fingerprint(fingerprint);
        store.inTransaction(() -> {
            License license = byCode(code, source);
            Activation active = store.activations().active(license.id()).filter(a -> a.fingerprint().equals(print))
                    .orElseThrow(() -> LatchkeyException.of(ErrorCode.LICENSE_NOT_ACTIVATED_HERE));
            var step = LicenseLifecycle.ACTIVATION.require(active.state(), ActivationEvent.DEACTIVATE);
            store.activations().update(active.deactivated(kernel.clock().instant()));
            kernel.journal().record(Actor.anonymous(source), LicenseLifecycle.ACTIVATION_AGGREGATE, active.id(), step,
                    null);
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Document post(Actor actor, DocumentType type, OrgId seller, OrgId buyer, UnregisteredBuyer outsider,
                          List<LicenseId> licenses, Instant now) {
        Document document = new Document(new DocumentId(kernel.ids().next()), store.documents().nextNumber(), type,
                seller, buyer, outsider, actor.describe(), now, licenses);
        store.documents().insert(document);
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
        // The buyer must be in the seller's channel: a partner below it, a company connected to it.
        Organization buyer = store.organizations().find(id).filter(o -> kernel.access().sees(actor, o.id()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "buyerOrgId", id));
        if (buyer.kind() != wanted || buyer.id().equals(actor.organization())) {
            throw LatchkeyException.ofField(ErrorCode.BUYER_INVALID, "buyerOrgId", type, wanted);
        }
        return buyer.id();
    }

    private static UnregisteredBuyer outsider(UnregisteredBuyer typed) {
        UnregisteredBuyer buyer = Checks.required("buyer", typed);
        String name = Checks.maxLength("buyer.name", Checks.required("buyer.name", buyer.name()), 200);
        String inn = buyer.inn() == null || buyer.inn().isBlank() ? null : Inn.parse("buyer.inn", buyer.inn()).digits();
        return new UnregisteredBuyer(name, inn, Checks.optional("buyer.address", buyer.address(), 500));
    }

    private List<License> chosen(OrgId seller, Set<LicenseState> movable, DocumentRequest request) {
        List<License> licenses = new ArrayList<>();
        if (request.licenseIds() != null && !request.licenseIds().isEmpty()) {
            for (LicenseId id : request.licenseIds()) {
                License license = store.licenses().find(id).filter(l -> l.holder().equals(seller))
                        .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.LICENSE_NOT_FOUND, "licenseIds", id));
                if (!movable.contains(license.state()) || licenses.contains(license)) {
                    throw LatchkeyException.ofField(ErrorCode.LICENSES_NOT_AVAILABLE, "licenseIds", 0);
                }
                licenses.add(license);
            }
            return licenses;
        }
        int count = Checks.required("count", request.count());
        if (count < 1 || count > MAX_MINT) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "count", "count", "1 to " + MAX_MINT);
        }
        licenses.addAll(store.licenses().heldBy(seller, movable, null, count));
        if (licenses.size() < count) {
            throw LatchkeyException.ofField(ErrorCode.LICENSES_NOT_AVAILABLE, "count", licenses.size());
        }
        return licenses;
    }

    private LicenseView view(Actor actor, License license) {
        boolean active = store.activations().active(license.id()).isPresent();
        boolean holderSees = actor.organization() != null && actor.organization().equals(license.holder());
        Optional<String> code = Optional.empty();
        if (holderSees && (license.state() == LicenseState.REVEALED || license.state() == LicenseState.SOLD)) {
            code = Optional.of(license.format().display(reveal(license)));
        } else if (holderSees && license.state() == LicenseState.ASSIGNED) {
            code = Optional.of(license.format().masked(reveal(license)));
        }
        return new LicenseView(license.withoutSecrets(), code, active);
    }

    private String reveal(License license) {
        return new String(sealer.open(license.sealedCode(), CODE_CONTEXT), StandardCharsets.UTF_8);
    }

    private License byCode(String typed, String source) {
        String bySource = "activation/source:" + source;
        kernel.rateLimiter().check(bySource);
        Optional<String> canonical = format.normalize(typed);
        if (canonical.isEmpty()) {
            kernel.rateLimiter().recordFailure(bySource);
            throw LatchkeyException.ofField(ErrorCode.LICENSE_CODE_INVALID, "code");
        }
        List<String> hashes = sealer.keyedHashes(canonical.get(), CODE_CONTEXT);
        String byCode = "activation/code:" + hashes.get(0);
        kernel.rateLimiter().check(byCode);
        return store.licenses().findByHash(hashes).orElseThrow(() -> {
            kernel.rateLimiter().recordFailure(bySource);
            kernel.rateLimiter().recordFailure(byCode);
            return LatchkeyException.ofField(ErrorCode.LICENSE_CODE_INVALID, "code");
        });
    }

    private static String fingerprint(String value) {
        String print = Checks.maxLength("fingerprint", Checks.required("fingerprint", value), ActivationFile.MAX_TEXT);
        if (print.chars().anyMatch(Character::isISOControl)) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "fingerprint", "fingerprint",
                    "no control characters");
        }
        return print;
    }

    private Document visibleDocument(Actor actor, DocumentId id) {
        return store.documents().find(id)
                .filter(d -> kernel.access().sees(actor, d.seller()) || (d.buyer() != null
                        && kernel.access().sees(actor, d.buyer())))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.DOCUMENT_NOT_FOUND, id));
    }

    /** A document the actor's organization posted, for sending and printing. */
    private Document tradedDocument(Actor actor, DocumentId id) {
        Document document = visibleDocument(actor, id);
        kernel.access().require(actor, Permission.LICENSE_TRADE, document.seller(), ErrorCode.DOCUMENT_NOT_FOUND, id);
        return document;
    }

    private String uniqueCode() {
        for (int attempt = 0; attempt < 16; attempt++) {
            String code = format.generate(kernel.random());
            if (store.licenses().findByHash(sealer.keyedHashes(code, CODE_CONTEXT)).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("the random source keeps repeating license codes");
    }
}
