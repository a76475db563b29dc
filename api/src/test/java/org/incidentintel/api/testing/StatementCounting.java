package org.incidentintel.api.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the data source in a proxy that records every statement executed, and can slow
 * each one down. One class for every context that counts statements, so that those
 * contexts share a configuration (and Spring's context cache can reuse them).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	/** The statements executed since a test last cleared this list. */
	public static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	private static final Set<String> BACKGROUND_THREADS = Set.of("statistics-refresh", "organization-families-refresh",
			"data-version-poll");

	/** How long each statement waits before it runs; zero unless a test sets it. */
	public static volatile Duration delay = Duration.ZERO;

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource) {
					return ProxyDataSourceBuilder.create(dataSource).listener(new QueryExecutionListener() {

						@Override
						public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
							Duration wait = delay;
							if (!wait.isZero()) {
								try {
									Thread.sleep(wait.toMillis());
								}
								catch (InterruptedException ex) {
									Thread.currentThread().interrupt();
								}
							}
						}

						@Override
						public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
							// The statistics and organization families refreshers poll
							// on their own threads whenever their intervals fall, in any
							// cached context of this JVM (the list is static): their
							// statements are no request's.
							if (!BACKGROUND_THREADS.contains(Thread.currentThread().getName())) {
								queries.forEach((query) -> STATEMENTS.add(query.getQuery()));
							}
						}

					}).build();
				}
				return bean;
			}

		};
	}

}
