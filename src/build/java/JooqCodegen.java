import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (run by exec-maven-plugin in generate-sources): applies the Flyway migrations to a throw-away
 * embedded PostgreSQL and generates jOOQ classes from the resulting schema. jOOQ's DDLDatabase parses through H2
 * and cannot read PostgreSQL-only DDL such as row-level security policies, hence a real database.
 * Skipped when the migrations' checksum equals the one recorded with the last generated sources.
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String checksum = checksum(migrations);
        Path marker = output.resolve(".migrations.sha256");
        if (Files.exists(marker) && Files.readString(marker).equals(checksum)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated sources are up to date");
            return;
        }
        Path pgDir = Files.createTempDirectory("creditflow-codegen-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(true).start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE ROLE creditflow_app LOGIN NOSUPERUSER NOBYPASSRLS");
            }
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", null)
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .placeholders(Map.of("appRole", "creditflow_app"))
                    .load()
                    .migrate();
            deleteRecursively(output);
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history|event_publication.*|scheduled_tasks"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRoutines(false)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withGeneratedAnnotation(false)
                                    .withComments(false))
                            .withTarget(new Target().withPackageName("io.creditflow.jooq").withDirectory(output.toString()))));
            Files.writeString(marker, checksum);
        } finally {
            deleteRecursively(pgDir);
        }
    }

    /** The migrations and this generator itself: a change to either regenerates. */
    private static String checksum(Path migrations) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Path self = migrations.resolve("../../../../build/java/JooqCodegen.java").normalize();
        if (Files.exists(self)) {
            digest.update(Files.readAllBytes(self));
        }
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes());
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
