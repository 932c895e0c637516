package castle.serde;

import static org.assertj.core.api.Assertions.assertThat;

import castle.topics.Topic;
import castle.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fails the build when a schema can no longer read, or be read by, any released version of itself,
 * and when a schema the code writes has not been released into the history folder.
 */
class SchemaCompatibilityTest {

  private static final Path HISTORY = Path.of("src/main/resources", SchemaHistory.ROOT);
  private static final Path CANDIDATES = Path.of("target/schema-release");

  @TestFactory
  Stream<DynamicTest> everyCurrentSchemaIsFullyCompatibleWithItsHistory() throws IOException {
    return releasedNames().stream()
        .map(name -> DynamicTest.dynamicTest(name, () -> assertFullyCompatible(name)));
  }

  @TestFactory
  Stream<DynamicTest> everyTopicValueSchemaIsReleased() {
    return Topics.all().stream()
        .map(topic -> DynamicTest.dynamicTest(topic.name(), () -> assertReleased(topic)));
  }

  private static void assertFullyCompatible(String fullName) throws ClassNotFoundException {
    Schema current = SpecificData.get().getSchema(Class.forName(fullName));
    List<Schema> history = SchemaHistory.versions(fullName);
    assertThat(history).as("released versions of %s", fullName).isNotEmpty();
    for (int i = 0; i < history.size(); i++) {
      Schema released = history.get(i);
      assertThat(compatibility(current, released))
          .as("%s can read what v%d wrote (backward)", fullName, i + 1)
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      assertThat(compatibility(released, current))
          .as("%s v%d can read what the current schema writes (forward)", fullName, i + 1)
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  private static void assertReleased(Topic<?> topic) throws IOException {
    Schema current = SpecificData.get().getSchema(topic.valueType());
    List<Schema> history = SchemaHistory.versions(current.getFullName());
    long fingerprint = SchemaNormalization.parsingFingerprint64(current);
    boolean released =
        history.stream().anyMatch(s -> SchemaNormalization.parsingFingerprint64(s) == fingerprint);
    if (!released) {
      Path candidate =
          CANDIDATES.resolve(current.getFullName()).resolve("v" + (history.size() + 1) + ".avsc");
      Files.createDirectories(candidate.getParent());
      Files.writeString(candidate, current.toString(true) + "\n");
      assertThat(released)
          .as(
              "%s (topic %s) changed or is new: release it by copying %s to %s",
              current.getFullName(),
              topic.name(),
              candidate,
              HISTORY.resolve(current.getFullName()).resolve(candidate.getFileName()))
          .isTrue();
    }
  }

  private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
  }

  private static List<String> releasedNames() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> folders = Files.list(HISTORY)) {
      folders.filter(Files::isDirectory).forEach(f -> names.add(f.getFileName().toString()));
    }
    names.sort(String::compareTo);
    return names;
  }
}
