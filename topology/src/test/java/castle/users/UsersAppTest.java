package castle.users;

import static org.assertj.core.api.Assertions.assertThat;

import castle.schema.users.ApiKeyRecord;
import castle.schema.users.ApiPermission;
import castle.schema.users.CreateApiKey;
import castle.schema.users.DecideKyc;
import castle.schema.users.KycStatus;
import castle.schema.users.RegisterUser;
import castle.schema.users.RevokeApiKey;
import castle.schema.users.Role;
import castle.schema.users.SetFeeTier;
import castle.schema.users.SetMfa;
import castle.schema.users.SubmitKyc;
import castle.schema.users.UserCommand;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.schema.users.UserRecord;
import castle.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every transition of the users topology and every refusal, as Given / When / Then. */
class UsersAppTest {

  private static final String ALICE = "alice@example.com";
  private static final long ALICE_ID = 9_000_001L;
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, UserCommand> commands;
  private TestOutputTopic<String, UserEvent> events;
  private TestOutputTopic<String, ApiKeyRecord> apiKeys;
  private KeyValueStore<String, UserRecord> store;
  private long nextCommandId = 1;
  private Instant now = T0;

  @BeforeEach
  void startDriver(@TempDir Path state) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "users-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(new UsersApp().topology(), props);
    commands = driver.createInputTopic(Topics.USER_COMMANDS.name(),
        Topics.USER_COMMANDS.keySerde().serializer(), Topics.USER_COMMANDS.valueSerde().serializer());
    events = driver.createOutputTopic(Topics.USER_EVENTS.name(),
        Topics.USER_EVENTS.keySerde().deserializer(), Topics.USER_EVENTS.valueSerde().deserializer());
    apiKeys = driver.createOutputTopic(Topics.API_KEYS.name(),
        Topics.API_KEYS.keySerde().deserializer(), Topics.API_KEYS.valueSerde().deserializer());
    store = driver.getKeyValueStore(UsersApp.STORE);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  // --- registration

  @Test
  void registeringANewEmailCreatesTheUserAndReportsIt() {
    // When
    UserEvent event = send(ALICE, register(ALICE_ID));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.REGISTERED);
    assertThat(event.getUserId()).isEqualTo(ALICE_ID);
    assertThat(event.getKycStatus()).isEqualTo(KycStatus.NONE);
    assertThat(event.getFeeTier()).isEqualTo(UserLifecycle.DEFAULT_FEE_TIER);
    assertThat(event.getTime()).isEqualTo(now.toEpochMilli());
    UserRecord user = store.get(ALICE);
    assertThat(user.getUserId()).isEqualTo(ALICE_ID);
    assertThat(user.getPasswordHash()).isEqualTo(HASH);
    assertThat(user.getRole()).isEqualTo(Role.USER);
    assertThat(user.getCreatedAt()).isEqualTo(now.toEpochMilli());
  }

  @Test
  void eventsAreKeyedByUserIdForAccounts() {
    // When
    commands.pipeInput(new TestRecord<>(ALICE, command(ALICE, register(ALICE_ID)), now));

    // Then
    TestRecord<String, UserEvent> record = events.readRecord();
    assertThat(record.key()).isEqualTo(Long.toString(ALICE_ID));
    assertThat(record.timestamp()).isEqualTo(now.toEpochMilli());
  }

  @Test
  void registeringAnEmailTwiceIsRefusedAndKeepsTheFirstUser() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When
    UserEvent event = send(ALICE, register(ALICE_ID + 1));

    // Then
    assertRefused(event, UserRefusal.EMAIL_TAKEN);
    assertThat(event.getUserId()).isEqualTo(ALICE_ID);
    assertThat(store.get(ALICE).getUserId()).isEqualTo(ALICE_ID);
  }

  @Test
  void registeringASystemAccountIdIsRefused() {
    // When
    UserEvent event = send(ALICE, register(1));

    // Then
    assertRefused(event, UserRefusal.INVALID_COMMAND);
    assertThat(store.get(ALICE)).isNull();
  }

  @Test
  void aCommandForAnUnknownEmailIsRefusedUnderUserIdZero() {
    // When
    commands.pipeInput(new TestRecord<>(ALICE, command(ALICE, kyc("Alice")), now));

    // Then
    TestRecord<String, UserEvent> record = events.readRecord();
    assertThat(record.key()).isEqualTo("0");
    assertRefused(record.value(), UserRefusal.UNKNOWN_USER);
    assertThat(record.value().getUserId()).isZero();
  }

  @Test
  void aCommandWhoseEmailDiffersFromItsKeyIsRefused() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When
    commands.pipeInput(new TestRecord<>(ALICE, command("mallory@example.com", new SetFeeTier(3)), now));

    // Then
    assertRefused(events.readValue(), UserRefusal.INVALID_COMMAND);
    assertThat(store.get(ALICE).getFeeTier()).isZero();
  }

  // --- KYC

  @Test
  void submittingKycMovesNoneToPendingWithTheDetails() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When
    UserEvent event = send(ALICE, kyc("Alice Liddell"));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.KYC_SUBMITTED);
    assertThat(event.getKycStatus()).isEqualTo(KycStatus.PENDING);
    UserRecord user = store.get(ALICE);
    assertThat(user.getKycDetails().getFullName()).isEqualTo("Alice Liddell");
    assertThat(user.getKycDetails().getCountry()).isEqualTo("GB");
    assertThat(user.getKycDetails().getSubmittedAt()).isEqualTo(now.toEpochMilli());
  }

  @Test
  void submittingAgainWhilePendingIsRefused() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, kyc("Alice"));

    // When / Then
    assertRefused(send(ALICE, kyc("Alice again")), UserRefusal.KYC_ALREADY_PENDING);
    assertThat(store.get(ALICE).getKycDetails().getFullName()).isEqualTo("Alice");
  }

  @Test
  void submittingWithBlankDetailsIsRefused() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When / Then
    assertRefused(send(ALICE, kyc(" ")), UserRefusal.INVALID_COMMAND);
    assertThat(store.get(ALICE).getKycStatus()).isEqualTo(KycStatus.NONE);
  }

  @Test
  void anAdminApprovesAPendingSubmissionWithATier() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, kyc("Alice"));

    // When
    UserEvent event = send(ALICE, approve(2));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.KYC_APPROVED);
    assertThat(event.getKycStatus()).isEqualTo(KycStatus.VERIFIED);
    assertThat(event.getKycTier()).isEqualTo(2);
    UserRecord user = store.get(ALICE);
    assertThat(user.getKycDecidedBy()).isEqualTo("admin@castle.local");
    assertThat(user.getKycDecidedAt()).isEqualTo(now.toEpochMilli());
  }

  @Test
  void anAdminRejectsAPendingSubmissionWithAReason() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, kyc("Alice"));

    // When
    UserEvent event = send(ALICE, reject("document expired"));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.KYC_REJECTED);
    assertThat(event.getKycStatus()).isEqualTo(KycStatus.REJECTED);
    assertThat(event.getReason()).isEqualTo("document expired");
    assertThat(store.get(ALICE).getKycReason()).isEqualTo("document expired");
  }

  @Test
  void aRejectedUserMaySubmitAgainAndBeApproved() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, kyc("Alice"));
    send(ALICE, reject("blurry photo"));

    // When
    UserEvent resubmitted = send(ALICE, kyc("Alice L."));
    UserEvent approved = send(ALICE, approve(1));

    // Then
    assertThat(resubmitted.getKycStatus()).isEqualTo(KycStatus.PENDING);
    assertThat(approved.getKycStatus()).isEqualTo(KycStatus.VERIFIED);
    UserRecord user = store.get(ALICE);
    assertThat(user.getKycReason()).isEmpty();
    assertThat(user.getKycDetails().getFullName()).isEqualTo("Alice L.");
  }

  @Test
  void decidingWithoutAPendingSubmissionIsRefused() {
    // Given: no submission yet
    send(ALICE, register(ALICE_ID));

    // When / Then
    assertRefused(send(ALICE, approve(1)), UserRefusal.KYC_NOT_PENDING);
    assertRefused(send(ALICE, reject("no")), UserRefusal.KYC_NOT_PENDING);
    assertThat(store.get(ALICE).getKycStatus()).isEqualTo(KycStatus.NONE);
  }

  @Test
  void aVerifiedUserCanNeitherSubmitNorBeDecidedAgain() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, kyc("Alice"));
    send(ALICE, approve(1));

    // When / Then
    assertRefused(send(ALICE, kyc("Alice")), UserRefusal.KYC_ALREADY_VERIFIED);
    assertRefused(send(ALICE, reject("changed my mind")), UserRefusal.KYC_NOT_PENDING);
    assertThat(store.get(ALICE).getKycStatus()).isEqualTo(KycStatus.VERIFIED);
  }

  @Test
  void anApprovalNeedsATierAndARejectionAReason() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, kyc("Alice"));

    // When / Then
    assertRefused(send(ALICE, approve(0)), UserRefusal.INVALID_COMMAND);
    assertRefused(send(ALICE, reject("")), UserRefusal.INVALID_COMMAND);
    assertThat(store.get(ALICE).getKycStatus()).isEqualTo(KycStatus.PENDING);
  }

  // --- API keys

  @Test
  void creatingAnApiKeyPublishesItsSealedRecordAndKeepsOnlyASummary() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When
    UserEvent event = send(ALICE, createKey("key-1", ApiPermission.TRADE));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.API_KEY_CREATED);
    assertThat(event.getApiKey()).isEqualTo("key-1");
    TestRecord<String, ApiKeyRecord> record = apiKeys.readRecord();
    assertThat(record.key()).isEqualTo("key-1");
    assertThat(record.value().getUserId()).isEqualTo(ALICE_ID);
    assertThat(record.value().getPermission()).isEqualTo(ApiPermission.TRADE);
    assertThat(record.value().getRevoked()).isFalse();
    assertThat(bytes(record.value().getEncryptedSecret())).isEqualTo(sealed("key-1"));
    assertThat(store.get(ALICE).getApiKeys()).singleElement().satisfies(summary -> {
      assertThat(summary.getApiKey()).isEqualTo("key-1");
      assertThat(summary.getRevoked()).isFalse();
    });
  }

  @Test
  void aKeyThatAlreadyExistsIsRefused() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, createKey("key-1", ApiPermission.READ));
    apiKeys.readRecord();

    // When / Then
    assertRefused(send(ALICE, createKey("key-1", ApiPermission.TRADE)), UserRefusal.DUPLICATE_API_KEY);
    assertThat(apiKeys.isEmpty()).isTrue();
  }

  @Test
  void revokingAKeyRewritesItsRecordRevokedAndWithoutTheSecret() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, createKey("key-1", ApiPermission.READ));
    apiKeys.readRecord();

    // When
    UserEvent event = send(ALICE, new RevokeApiKey("key-1"));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.API_KEY_REVOKED);
    ApiKeyRecord record = apiKeys.readValue();
    assertThat(record.getApiKey()).isEqualTo("key-1");
    assertThat(record.getRevoked()).isTrue();
    assertThat(record.getEncryptedSecret().remaining()).isZero();
    assertThat(store.get(ALICE).getApiKeys().get(0).getRevoked()).isTrue();
    assertThat(store.get(ALICE).getApiKeys().get(0).getRevokedAt()).isEqualTo(now.toEpochMilli());
  }

  @Test
  void revokingAnUnknownOrRevokedKeyIsRefused() {
    // Given
    send(ALICE, register(ALICE_ID));
    send(ALICE, createKey("key-1", ApiPermission.READ));
    send(ALICE, new RevokeApiKey("key-1"));
    apiKeys.readRecordsToList();

    // When / Then
    assertRefused(send(ALICE, new RevokeApiKey("key-1")), UserRefusal.API_KEY_ALREADY_REVOKED);
    assertRefused(send(ALICE, new RevokeApiKey("someone-elses")), UserRefusal.UNKNOWN_API_KEY);
    assertThat(apiKeys.isEmpty()).isTrue();
  }

  @Test
  void aUserHoldsAtMostThirtyActiveKeys() {
    // Given
    send(ALICE, register(ALICE_ID));
    for (int i = 0; i < UserLifecycle.MAX_ACTIVE_API_KEYS; i++) {
      send(ALICE, createKey("key-" + i, ApiPermission.READ));
    }

    // When / Then
    assertRefused(send(ALICE, createKey("one-too-many", ApiPermission.READ)), UserRefusal.TOO_MANY_API_KEYS);

    // And a revoked key frees a place
    send(ALICE, new RevokeApiKey("key-0"));
    assertThat(send(ALICE, createKey("replacement", ApiPermission.READ)).getType()).isEqualTo(UserEventType.API_KEY_CREATED);
  }

  // --- MFA

  @Test
  void mfaCanBeEnabledOnceAndDisabledOnce() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When / Then
    assertThat(send(ALICE, mfa(sealed("seed"))).getType()).isEqualTo(UserEventType.MFA_ENABLED);
    assertThat(bytes(store.get(ALICE).getEncryptedTotpSecret())).isEqualTo(sealed("seed"));
    assertRefused(send(ALICE, mfa(sealed("other seed"))), UserRefusal.MFA_ALREADY_ENABLED);

    assertThat(send(ALICE, mfa(null)).getType()).isEqualTo(UserEventType.MFA_DISABLED);
    assertThat(store.get(ALICE).getEncryptedTotpSecret()).isNull();
    assertRefused(send(ALICE, mfa(null)), UserRefusal.MFA_NOT_ENABLED);
  }

  // --- fee tiers

  @Test
  void anAdminMovesAUserToAnotherFeeTier() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When
    UserEvent event = send(ALICE, new SetFeeTier(3));

    // Then
    assertThat(event.getType()).isEqualTo(UserEventType.FEE_TIER_CHANGED);
    assertThat(event.getFeeTier()).isEqualTo(3);
    assertThat(store.get(ALICE).getFeeTier()).isEqualTo(3);
  }

  @Test
  void aNegativeFeeTierIsRefused() {
    // Given
    send(ALICE, register(ALICE_ID));

    // When / Then
    assertRefused(send(ALICE, new SetFeeTier(-1)), UserRefusal.INVALID_COMMAND);
    assertThat(store.get(ALICE).getFeeTier()).isZero();
  }

  // --- helpers

  /** Sends one command a second after the previous one and returns its single event. */
  private UserEvent send(String email, Object action) {
    now = now.plusSeconds(1);
    commands.pipeInput(new TestRecord<>(email, command(email, action), now));
    List<UserEvent> produced = events.readValuesToList();
    assertThat(produced).as("events of one command").hasSize(1);
    return produced.get(0);
  }

  private UserCommand command(String email, Object action) {
    return new UserCommand(nextCommandId++, email, action);
  }

  private static void assertRefused(UserEvent event, UserRefusal refusal) {
    assertThat(event.getType()).isEqualTo(UserEventType.COMMAND_REJECTED);
    assertThat(event.getReason()).isEqualTo(refusal.message());
  }

  private static RegisterUser register(long userId) {
    return new RegisterUser(userId, HASH, null, Role.USER);
  }

  private static SubmitKyc kyc(String fullName) {
    return new SubmitKyc(fullName, "GB", "1990-05-04", "vault://kyc/alice/passport");
  }

  private static DecideKyc approve(int tier) {
    return new DecideKyc(true, tier, "", "admin@castle.local");
  }

  private static DecideKyc reject(String reason) {
    return new DecideKyc(false, 0, reason, "admin@castle.local");
  }

  private static CreateApiKey createKey(String key, ApiPermission permission) {
    return new CreateApiKey(key, "bot", permission, ByteBuffer.wrap(sealed(key)));
  }

  private static SetMfa mfa(byte[] sealedSeed) {
    return new SetMfa(sealedSeed == null ? null : ByteBuffer.wrap(sealedSeed));
  }

  /** Stands for a value the gateway sealed: the topology only stores and forwards it. */
  private static byte[] sealed(String text) {
    return ("sealed:" + text).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
