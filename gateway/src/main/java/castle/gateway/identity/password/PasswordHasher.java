package castle.gateway.identity.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (BouncyCastle) in the PHC string format other tools read, such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. Hashing happens in the gateway, so a
 * password never reaches Kafka, a log or another process.
 *
 * <p>Each hash holds {@code m} KiB of memory for tens of milliseconds; a semaphore caps how many run
 * at once so a burst of logins queues instead of exhausting the heap.
 */
public final class PasswordHasher {

  /**
   * Argon2id cost: memory in KiB, passes, lanes.
   *
   * @param memoryKib memory per hash
   * @param iterations passes over the memory
   * @param parallelism lanes
   */
  public record Cost(int memoryKib, int iterations, int parallelism) {

    /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Cost OWASP = new Cost(19_456, 2, 1);
  }

  /** Hash costs above these are refused when verifying, so a corrupt record cannot exhaust memory. */
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 16;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Cost cost;
  private final Semaphore permits;
  private final SecureRandom random = new SecureRandom();
  private final String decoy;

  /** A hasher with the given cost, running at most {@code concurrentHashes} at once. */
  public PasswordHasher(Cost cost, int concurrentHashes) {
    this.cost = cost;
    this.permits = new Semaphore(concurrentHashes, true);
    this.decoy = hash("decoy password that nobody has");
  }

  /** The OWASP cost, with as many concurrent hashes as the machine has cores. */
  public static PasswordHasher standard() {
    return new PasswordHasher(Cost.OWASP, Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /** The PHC string of {@code password} under a fresh random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, cost, HASH_BYTES);
    return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code phc}; false for a malformed or unsupported hash. */
  public boolean verify(String password, String phc) {
    Matcher m = phc == null ? null : PHC.matcher(phc);
    if (m == null || !m.matches()) {
      return false;
    }
    Cost stored = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    if (stored.memoryKib() > MAX_MEMORY_KIB || stored.iterations() > MAX_ITERATIONS
        || stored.iterations() < 1 || stored.parallelism() < 1 || stored.memoryKib() < 8 * stored.parallelism()) {
      return false;
    }
    byte[] expected = B64_DECODER.decode(m.group(5));
    byte[] actual = derive(password, B64_DECODER.decode(m.group(4)), stored, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Spends the time of one verification on a password that has no user, so that a login for an
   * unknown email takes as long as one with a wrong password and does not reveal which emails exist.
   */
  public void verifyDecoy(String password) {
    verify(password, decoy);
  }

  private byte[] derive(String password, byte[] salt, Cost cost, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    acquire();
    try {
      generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    } finally {
      permits.release();
    }
    return out;
  }

  private void acquire() {
    try {
      if (!permits.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new PasswordHashingBusyException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusyException();
    }
  }

  /** Too many hashes are queued; the caller answers 503 and the client retries later. */
  public static final class PasswordHashingBusyException extends RuntimeException {
    PasswordHashingBusyException() {
      super("password hashing is saturated", null, false, false);
    }
  }
}
