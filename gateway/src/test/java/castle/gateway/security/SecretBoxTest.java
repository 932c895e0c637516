package castle.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private final SecretBox box = new SecretBox(SecretBox.newKey());

  @Test
  void opensWhatItSealed() {
    byte[] secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j".getBytes(StandardCharsets.UTF_8);

    byte[] sealed = box.seal(secret);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
    assertThat(box.open(sealed)).isEqualTo(secret);
    assertThat(box.seal(secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
  }

  @Test
  void refusesTamperingAndForeignKeys() {
    byte[] sealed = box.seal(new byte[] {1, 2, 3});
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SecretBox(SecretBox.newKey()).open(sealed)).isInstanceOf(IllegalArgumentException.class);
  }
}
