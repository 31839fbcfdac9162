package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void given_a_token_when_hashed_then_it_is_the_lower_case_hex_sha256_of_its_utf8_bytes() {
        assertThat(TokenHash.of("test")).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(TokenHash.of("ção")).isEqualTo("4ab2d81279c483cb89ff8224683c386fc9ad7837c9fe19a3f6c32af25384bdaf");
    }
}
