package org.incidentintel.domain.security;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenDigestTests {

	@Test
	void aTokenIsThePrefixAnd256RandomBitsInBase64Url() {
		String token = TokenDigest.newToken();

		assertThat(token).startsWith("iit_").hasSize(4 + 43).matches("iit_[A-Za-z0-9_-]{43}");
		assertThat(TokenDigest.looksLikeApiToken(token)).isTrue();
		assertThat(TokenDigest.looksLikeApiToken("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isFalse();
	}

	@Test
	void tokensDoNotRepeat() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			tokens.add(TokenDigest.newToken());
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void theDigestIsTheSha256InLowerCaseHex() {
		// the SHA-256 test vector of "abc" (FIPS 180-2)
		assertThat(TokenDigest.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		String token = TokenDigest.newToken();
		assertThat(TokenDigest.sha256(token)).hasSize(64).isEqualTo(TokenDigest.sha256(token)).doesNotContain(token);
	}

	@Test
	void rolesReadCaseInsensitivelyAndAnEditorIncludesAReader() {
		assertThat(Role.of(" Editor ")).isEqualTo(Role.EDITOR);
		assertThat(Role.of("reader")).isEqualTo(Role.READER);
		assertThat(Role.EDITOR.includes(Role.READER)).isTrue();
		assertThat(Role.READER.includes(Role.EDITOR)).isFalse();
		assertThat(Role.EDITOR.label()).isEqualTo("editor");
		assertThatIllegalArgumentException().isThrownBy(() -> Role.of("admin"))
			.withMessage("unknown role 'admin': use reader or editor");
	}

}
