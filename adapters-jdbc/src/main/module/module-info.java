/** Latchkey's store on H2 and PostgreSQL. */
// ZXing, jdbi and Flyway are automatic modules: they name themselves in their manifests or by their jar.
@SuppressWarnings("requires-automatic")
module io.latchkey.jdbc {
    requires transitive io.latchkey.sdk.core;
    requires java.sql;
    requires org.jdbi.v3.core;
    requires com.zaxxer.hikari;
    requires flyway.core;

    exports io.latchkey.jdbc;

    // The migrations are read by Flyway, another module.
    opens db.migration;
}
