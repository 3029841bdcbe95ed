package io.latchkey.testkit;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.latchkey.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A table of commands against roles, written out: a header line {@code command ROLE ROLE …}, then one line per
 * command with {@code x} where the role may run it and {@code .} where it may not.
 */
public final class RoleTable {

    private RoleTable() {
    }

    /** Every cell of {@code table}: (command, role, allowed). */
    public static Stream<Arguments> cells(String table) {
        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).trim().split("\\s+");
        List<String> roles = Arrays.asList(header).subList(1, header.length);
        List<Arguments> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = line.trim().split("\\s+");
            for (int i = 0; i < roles.size(); i++) {
                cells.add(Arguments.of(cell[0], roles.get(i), cell[1 + i].equals("x")));
            }
        }
        return cells.stream();
    }

    /** Runs {@code command} as its cell says: it passes, or it is refused with PERMISSION_DENIED. */
    public static void check(boolean allowed, Executable command) {
        if (allowed) {
            assertDoesNotThrow(command);
        } else {
            refused(ErrorCode.PERMISSION_DENIED, command);
        }
    }
}
