package castle.sinks.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the servers of one data directory, which is how {@code castle local} stops a PostgreSQL
 * whose start was cut short by the JVM shutting down.
 */
class PostgresProcessesTest {

  @Test
  void aServerPgCtlStartedIsStoppedThoughItIsNoChildOfThisJvmWhileAnotherDirectorysServerRuns(@TempDir Path dir)
      throws Exception {
    // Given two servers; pg_ctl has exited, so neither postmaster is a descendant of this JVM
    Path target = dir.resolve("target");
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(target, 0);
    try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(dir.resolve("target-other"), 0)) {
      List<ProcessHandle> found = PostgresProcesses.using(target);
      assertThat(found).isNotEmpty();
      assertThat(ProcessHandle.current().descendants()).doesNotContainAnyElementsOf(found);
      assertThat(found).doesNotContainAnyElementsOf(PostgresProcesses.using(dir.resolve("target-other")));

      // When the processes on the first directory are stopped
      PostgresProcesses.stopAll(target);

      // Then that server is gone and refuses connections, and the other still answers
      assertThat(found).noneMatch(ProcessHandle::isAlive);
      assertThat(PostgresProcesses.using(target)).isEmpty();
      assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close()).isInstanceOf(SQLException.class);
      try (var connection = DriverManager.getConnection(other.jdbcUrl())) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }
  }
}
