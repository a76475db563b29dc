package org.incidentintel.domain.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditTargetTests {

	@Test
	void aTargetIsWrittenAndReadAsTypeColonId() {
		AuditTarget target = new AuditTarget("Organization", 12);

		assertThat(target.text()).isEqualTo("Organization:12");
		assertThat(AuditTarget.parse("Organization:12")).isEqualTo(target);
	}

	@Test
	void malformedTargetsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditTarget.parse("Organization"))
			.withMessage("'Organization' is not Type:id");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditTarget.parse("Organization:x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditTarget("A:B", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Actor(" ", "TOKEN"));
	}

	@Test
	void statesAreWrittenAsJsonWithNullsKept() {
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("name", "TTP");
		state.put("aliases", List.of("Tehreek-e-Taliban Pakistan"));
		state.put("parent", null);

		assertThat(AuditLog.json(state))
			.isEqualTo("{\"name\":\"TTP\",\"aliases\":[\"Tehreek-e-Taliban Pakistan\"],\"parent\":null}");
		assertThat(AuditLog.json(null)).isNull();
		assertThat(AuditLog.json(Map.of("n", 1))).isEqualTo("{\"n\":1}");
	}

}
