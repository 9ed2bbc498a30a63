package io.creditflow.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's settings for the embedded PostgreSQL: name=value pairs, refused with the pair named. */
class EmbeddedServerSettingsUnitTest {

    @Test
    void pairsAreReadInOrderAndTrimmed() {
        assertThat(EmbeddedPostgresEnvironment.serverSettings(
                " shared_buffers=1GB , max_wal_size = 8GB,pg_stat_statements.track=all,"))
                .containsExactly(Map.entry("shared_buffers", "1GB"), Map.entry("max_wal_size", "8GB"),
                        Map.entry("pg_stat_statements.track", "all"));
        assertThat(EmbeddedPostgresEnvironment.serverSettings("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared_buffers", "shared_buffers=", "=1GB", "shared buffers=1GB", "x;drop=1"})
    void aPairThatIsNotASettingIsRefusedByName(String pair) {
        assertThatThrownBy(() -> EmbeddedPostgresEnvironment.serverSettings("fsync=on," + pair))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EmbeddedPostgresEnvironment.SERVER_SETTINGS).hasMessageContaining(pair.strip());
    }
}
