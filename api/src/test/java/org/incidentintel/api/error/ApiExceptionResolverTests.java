package org.incidentintel.api.error;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/**
 * What a client is told when the database cannot be reached, however the data source
 * reports it.
 */
class ApiExceptionResolverTests {

	@Test
	void noConnectionIsUnavailableAlsoBehindALazyProxy() {
		// Nothing listens on port 1; with a read replica the application's data source is
		// a lazy proxy, which reports the failure at the first statement, differently
		try (HikariDataSource down = new HikariDataSource()) {
			down.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/incidentintel");
			down.setConnectionTimeout(250);
			down.setInitializationFailTimeout(-1);
			for (JdbcTemplate jdbc : new JdbcTemplate[] { new JdbcTemplate(down),
					new JdbcTemplate(new LazyConnectionDataSourceProxy(down)) }) {
				Exception failure = catchException(() -> jdbc.queryForObject("select 1", Integer.class));

				ApiExceptionResolver.Answer answer = ApiExceptionResolver.answer(failure, "a test");

				assertThat(answer.extensions()).containsEntry("code", "UNAVAILABLE");
			}
		}
	}

}
