package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Generated API tokens")
class ApiTokenTest {

    @Test
    @DisplayName("look like dak_, 43 base62 characters of randomness and a 6-character checksum")
    void format() {
        ApiToken generated = ApiToken.generate();

        assertThat(generated.token()).matches("^dak_[0-9A-Za-z]{43}[0-9A-Za-z]{6}$");
        assertThat(ApiToken.isWellFormed(generated.token())).isTrue();
    }

    @Test
    @DisplayName("are stored as their SHA-256 and shown by a 12-character prefix of the token")
    void hashAndPrefix() {
        ApiToken generated = ApiToken.generate();

        assertThat(generated.sha256()).isEqualTo(TokenHash.of(generated.token())).matches("^[0-9a-f]{64}$");
        assertThat(generated.prefix()).hasSize(12).isEqualTo(generated.token().substring(0, 12));
        assertThat(generated.toString()).doesNotContain(generated.token()).contains(generated.prefix());
    }

    @Test
    @DisplayName("fail their checksum when any one character is changed")
    void checksumCatchesEveryTypo() {
        String token = ApiToken.generate().token();
        for (int i = ApiToken.PREFIX.length(); i < token.length(); i++) {
            char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
            String typo = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(ApiToken.isWellFormed(typo)).as("typo at %d", i).isFalse();
        }
        assertThat(ApiToken.isWellFormed(token.substring(1))).isFalse();
        assertThat(ApiToken.isWellFormed("dak_demo_full_access_0000000000000000000000000000")).isFalse();
        assertThat(ApiToken.isWellFormed(null)).isFalse();
    }

    @Test
    @DisplayName("never repeat, and use the whole alphabet")
    void randomness() {
        Set<String> tokens = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String token = ApiToken.generate().token();
            tokens.add(token);
            token.substring(4, 47).chars().forEach(c -> characters.add((char) c));
        }
        assertThat(tokens).hasSize(2_000);
        assertThat(characters).hasSize(62);
    }
}
