package io.latchkey.access;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The whole authorization policy, written out: every permission against every role of the five seeds (MyPOS:
 * ADMIN, MANAGER; Ajax: OWNER, the service managers, INSTALLER; PW-ID: ADMIN, MANAGER; heat pumps: ENGINEER)
 * and every bearer. A permission added, or a role granted or taken, fails here until this table says so.
 */
class PermissionTableTest {

    private static final List<Role> COLUMNS = List.of(Role.OWNER, Role.ADMIN, Role.MANAGER, Role.ENGINEER,
            Role.SENIOR_SERVICE_MANAGER, Role.SERVICE_MANAGER, Role.INSTALLER);

    private static final String TABLE = """
            permission             scope            OWN ADM MGR ENG SSM SVM INS  bearers
            VIEW                   CHANNEL           .   x   x   x   x   x   .   -
            DEVICE_VIEW            CHANNEL           .   x   x   x   .   .   .   ITSELF,ITS_CUSTOMER
            SUBSCRIPTION_VIEW      CHANNEL           x   x   x   x   x   x   x   -
            PARTNER_CREATE         OPERATOR          .   x   .   .   .   .   .   -
            COMPANY_CREATE         CHANNEL           .   x   .   .   .   .   .   -
            REQUISITES_EDIT        CHANNEL           .   x   .   .   .   .   .   -
            MEMBER_MANAGE          OWN_OR_OPERATOR   .   x   .   .   .   .   .   -
            PROFILE_EDIT           OWN               .   .   .   .   .   .   .   SECRET
            PASSWORD_CHANGE        OWN               .   .   .   .   .   .   .   SECRET
            ACCOUNT_CONFIRM        OWN               .   .   .   .   .   .   .   SECRET
            EMPLOYMENT_ACCEPT      OWN               .   .   .   .   .   .   .   SECRET
            ORGANIZATION_CLOSE     CHANNEL           .   x   .   .   .   .   .   -
            CONNECTION_REQUEST     OWN               .   x   .   .   x   x   .   -
            CONNECTION_DECIDE      OWN               .   x   .   .   .   .   .   -
            CONNECTION_CONSENT     OWN               .   .   .   .   .   .   .   SECRET
            SELLER_MANAGE          OWN               x   .   .   .   .   .   .   -
            CONSEQUENCE            OWN               .   .   .   .   .   .   .   KERNEL
            POOL_ORDER_PLACE       OWN               .   x   x   .   .   .   .   -
            POOL_ORDER_DECIDE      PARENT            .   x   x   .   .   .   .   -
            CLIENT_MANAGE          OWN               .   x   x   .   .   .   .   -
            CREDENTIAL_ISSUE       OWN               .   x   x   .   .   .   .   -
            CREDENTIAL_REVOKE      CHANNEL           .   x   x   .   .   .   .   -
            CREDENTIAL_PROVISION   OWN               .   .   .   .   .   .   .   SECRET
            CHANNEL_OVERVIEW       OPERATOR          .   x   x   .   .   .   .   -
            LICENSE_MINT           OPERATOR          .   x   .   .   .   .   .   -
            LICENSE_TRADE          OWN               .   x   x   .   .   .   .   -
            LICENSE_ACTIVATE       OWN               .   .   .   .   .   .   .   SECRET
            PACKAGE_MANAGE         OPERATOR          .   x   .   .   .   .   .   -
            SUBSCRIPTION_MANAGE    OWN               x   .   .   .   x   x   x   -
            DEVICE_CREATE          OPERATOR          .   x   .   x   .   .   .   -
            DEVICE_ADVANCE         OWN               .   x   .   x   .   .   .   -
            DEVICE_SET_STATUS      OWN               .   x   .   .   .   .   .   -
            DEVICE_ASSIGN          OWN               .   x   .   x   .   .   .   -
            DEVICE_CLAIM           OWN               .   x   x   x   .   .   .   -
            DEVICE_EDIT            CHANNEL           .   x   x   x   .   .   .   -
            DEVICE_REPORT          OWN               .   .   .   .   .   .   .   ITSELF
            DEVICE_OWNER_REGISTER  OWN               .   .   .   .   .   .   .   ITSELF
            DEVICE_RENAME          OWN               .   .   .   .   .   .   .   ITS_CUSTOMER
            CUSTOMER_EDIT          OWN               .   .   .   .   .   .   .   ITS_CUSTOMER
            BILLING_SYNC           OPERATOR          .   x   .   .   .   .   .   KERNEL
            BILLING_VIEW           OPERATOR          .   x   x   x   .   .   .   -
            """;

    private record Row(Scope scope, Set<Role> roles, Set<Bearer> bearers) {
    }

    private static Map<String, Row> table() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : TABLE.lines().skip(1).toList()) {
            String[] cells = line.trim().split("\\s+");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (cells[2 + i].equals("x")) {
                    roles.add(COLUMNS.get(i));
                }
            }
            String bearers = cells[2 + COLUMNS.size()];
            rows.put(cells[0], new Row(Scope.valueOf(cells[1]), roles, bearers.equals("-") ? Set.of()
                    : Arrays.stream(bearers.split(",")).map(Bearer::valueOf).collect(Collectors.toSet())));
        }
        return rows;
    }

    @Test
    void everyPermissionIsWrittenOutAndNoOtherIs() {
        assertEquals(new TreeSet<>(table().keySet()), Arrays.stream(Permission.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(EnumSet.allOf(Role.class), EnumSet.copyOf(COLUMNS), "a column for every role");
    }

    @Test
    void everyRoleHoldsExactlyThePermissionsWrittenOut() {
        Map<String, Row> table = table();
        List<Executable> checks = new ArrayList<>();
        for (Permission permission : Permission.values()) {
            Row row = table.get(permission.name());
            checks.add(() -> assertEquals(row.scope(), permission.scope(), permission + " scope"));
            for (Role role : Role.values()) {
                checks.add(() -> assertEquals(row.roles().contains(role), permission.roles().contains(role),
                        permission + " × " + role));
            }
            for (Bearer bearer : Bearer.values()) {
                checks.add(() -> assertEquals(row.bearers().contains(bearer), permission.grants(bearer),
                        permission + " × " + bearer));
            }
        }
        assertAll(checks);
    }
}
