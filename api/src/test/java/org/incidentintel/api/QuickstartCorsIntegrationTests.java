package org.incidentintel.api;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quickstart's profile lets a frontend on a local dev server call the API from a
 * browser, whatever its port, and no other origin (production lists its origins in
 * {@code INCIDENTINTEL_CORS_ORIGINS}: {@code OperationsIntegrationTests}). A context of
 * its own: the shared one allows explicit origins only.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"incidentintel.api.statistics.refresh-interval=0" })
@ActiveProfiles("quickstart")
@AutoConfigureMockMvc
class QuickstartCorsIntegrationTests {

	@Autowired
	MockMvc mockMvc;

	@Test
	void localDevServersOnAnyPortMayCallTheApi() throws Exception {
		for (String origin : new String[] { "http://localhost:5173", "http://127.0.0.1:3000",
				"http://localhost:8081" }) {
			preflight(origin).andExpect(status().isOk())
				.andExpect(header().string("Access-Control-Allow-Origin", origin))
				.andExpect(
						header().string("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST")));
		}
	}

	@Test
	void noOtherOriginMay() throws Exception {
		for (String origin : new String[] { "https://localhost.example.com", "http://localhost.example.com:5173",
				"https://app.example.org", "http://192.168.1.10:5173" }) {
			preflight(origin).andExpect(status().isForbidden())
				.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		}
	}

	private ResultActions preflight(String origin) throws Exception {
		return this.mockMvc.perform(options("/graphql").header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type"));
	}

}
