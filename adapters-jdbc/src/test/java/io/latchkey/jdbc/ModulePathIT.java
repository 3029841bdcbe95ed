package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jars as a host on the module path sees them: sdk-core exports its API packages and keeps
 * {@code io.latchkey.internal} to itself, so a host cannot make an actor that holds anything; and the JDBC store
 * migrates its schema and serves from inside a module layer.
 */
class ModulePathIT {

    private static final Path MODULE_PATH = Path.of("target/module-path");
    /** This module as it is packaged: its classes with their descriptor. */
    private static final Path OWN_CLASSES = Path.of("target/module-classes");

    private static ModuleLayer layer() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(MODULE_PATH)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(entries::add);
        }
        entries.add(OWN_CLASSES);
        ModuleFinder finder = ModuleFinder.of(entries.toArray(Path[]::new));
        // Every module on the path, as java --add-modules ALL-MODULE-PATH would have it.
        Set<String> roots = new TreeSet<>();
        finder.findAll().forEach(m -> roots.add(m.descriptor().name()));
        Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), roots);
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theSdkExportsItsApiAndKeepsItsInternalsToItself() throws IOException {
        Module core = layer().findModule("io.latchkey.sdk.core").orElseThrow();
        Set<String> exported = new TreeSet<>();
        core.getDescriptor().exports().forEach(e -> exported.add(e.source()));
        assertEquals(new TreeSet<>(List.of("io.latchkey", "io.latchkey.access", "io.latchkey.billing",
                "io.latchkey.credential", "io.latchkey.crypto", "io.latchkey.device", "io.latchkey.keys",
                "io.latchkey.license", "io.latchkey.lifecycle", "io.latchkey.limits", "io.latchkey.notify",
                "io.latchkey.party", "io.latchkey.store", "io.latchkey.subscription", "io.latchkey.time")), exported);
        assertFalse(core.isExported("io.latchkey.internal"));
    }

    @Test
    void aHostCannotMakeAnActorThatHoldsAnything() throws Exception {
        ClassLoader loader = layer().findLoader("io.latchkey.sdk.core");
        Method system = Class.forName("io.latchkey.internal.Actors", true, loader).getMethod("system", String.class);
        assertThrows(IllegalAccessException.class, () -> system.invoke(null, "host"));
        Class<?> actor = Class.forName("io.latchkey.access.Actor", true, loader);
        assertThrows(IllegalAccessException.class, () -> actor.getDeclaredConstructors()[0].newInstance(
                null, "host", null, Set.of()));
    }

    @Test
    void theStoreMigratesAndServesFromItsModule(@TempDir Path dir) throws Exception {
        ClassLoader loader = layer().findLoader("io.latchkey.jdbc");
        Object dataSource = Class.forName("org.h2.jdbcx.JdbcDataSource", true, loader).getConstructor().newInstance();
        dataSource.getClass().getMethod("setURL", String.class).invoke(dataSource,
                "jdbc:h2:file:" + dir.resolve("latchkey").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        Class<?> jdbcStore = Class.forName("io.latchkey.jdbc.JdbcStore", true, loader);
        Object store = jdbcStore.getMethod("create", javax.sql.DataSource.class).invoke(null, dataSource);
        Class<?> storeType = Class.forName("io.latchkey.store.Store", true, loader);
        Object builder = Class.forName("io.latchkey.Latchkey", true, loader).getMethod("builder").invoke(null);
        builder.getClass().getMethod("store", storeType).invoke(builder, store);
        Class<?> masterKey = Class.forName("io.latchkey.crypto.MasterKey", true, loader);
        Class<?> random = Class.forName("io.latchkey.crypto.RandomSource", true, loader);
        builder.getClass().getMethod("masterKey", masterKey).invoke(builder, masterKey.getMethod("generate", random)
                .invoke(null, random.getMethod("secure").invoke(null)));
        Object latchkey = builder.getClass().getMethod("build").invoke(builder);
        Object organizations = latchkey.getClass().getMethod("organizations").invoke(latchkey);
        Class<?> role = Class.forName("io.latchkey.access.Role", true, loader);
        Class<?> draft = Class.forName("io.latchkey.party.Members$MemberDraft", true, loader);
        Object admin = draft.getConstructors()[0].newInstance("admin@operator.test", "Admin", "en",
                Set.of(role.getField("ADMIN").get(null)));
        Object operator = organizations.getClass().getMethod("bootstrap", String.class, draft, char[].class,
                String.class).invoke(organizations, "Operator", admin, "a long enough secret".toCharArray(), "UTC");
        assertEquals("Operator", operator.getClass().getMethod("name").invoke(operator));
        ((AutoCloseable) store).close();
    }
}
