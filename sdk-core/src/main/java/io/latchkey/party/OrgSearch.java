package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.util.Locale;
import java.util.Objects;

/**
 * Which open organizations a store finds: of one kind, whose name, tax id or address holds {@code text} in any
 * case (or whose id it is; null: every one), below {@code parent} — or, with {@code outside}, anywhere but below
 * it (null: anywhere) — a page in id order after {@code after}.
 *
 * @param kind    the kind
 * @param text    a part of the name, tax id or address, or an id; null for any
 * @param parent  the organization they are directly below; null for any
 * @param outside whether they are anywhere but below {@code parent} instead
 * @param after   the last id of the page before; null for the first page
 * @param limit   the most to return
 */
public record OrgSearch(OrgKind kind, String text, OrgId parent, boolean outside, OrgId after, int limit) {

    public OrgSearch {
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether an organization is one this search finds (stores without a query language use it). */
    public boolean matches(Organization o) {
        if (o.kind() != kind || !o.isOpen()) {
            return false;
        }
        if (parent != null && parent.equals(o.parentId()) == outside) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        Requisites r = o.requisites();
        return o.id().toString().equals(needle) || contains(o.name(), needle) || contains(r.inn(), needle)
                || contains(r.address(), needle);
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
