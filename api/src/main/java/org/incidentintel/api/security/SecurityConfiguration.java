package org.incidentintel.api.security;

import java.util.ArrayList;
import java.util.List;

import org.incidentintel.domain.security.ApiTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Spring Security for a token API: no sessions, cookies, CSRF tokens or login pages;
 * every URL passes the filter chain (GraphiQL, actuator), and access is decided per
 * GraphQL operation: mutations need an editor ({@link MutationAccessInstrumentation}),
 * queries need a token only when {@code incidentintel.api.security.queries-require-token}
 * is set. Of the actuator, {@code /actuator/prometheus} needs a valid token or JWT of any
 * role (401 with {@code WWW-Authenticate: Bearer} without one); health shows its
 * components and details to editors only ({@code management.endpoint.health.roles}). JWTs
 * are accepted when Spring Boot configured a {@link JwtDecoder}
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). A WebSocket connection
 * sends its credential once, in {@code connection_init}
 * ({@link WebSocketCredentialInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	// A bean, so that Spring Boot does not create its default user with a generated
	// password
	@Bean
	ApiTokenAuthenticationProvider apiTokenAuthenticationProvider(ApiTokens tokens) {
		return new ApiTokenAuthenticationProvider(tokens);
	}

	@Bean
	BearerCredentials bearerCredentials(ApiTokenAuthenticationProvider tokens, ObjectProvider<JwtDecoder> jwtDecoder,
			SecurityProperties properties) {
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(tokens));
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		if (decoder != null) {
			JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
			jwt.setJwtAuthenticationConverter(new JwtRoleConverter(properties));
			providers.add(jwt);
		}
		return new BearerCredentials(new ProviderManager(providers), decoder != null);
	}

	// Only in a servlet web application (a context without a web server has no filters)
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, BearerCredentials credentials) throws Exception {
		BearerCredentialFilter bearer = new BearerCredentialFilter(credentials);
		return http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("prometheus"))
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new BearerTokenAuthenticationEntryPoint()))
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
			.build();
	}

	@Bean
	WebSocketCredentialInterceptor webSocketCredentialInterceptor(BearerCredentials credentials) {
		return new WebSocketCredentialInterceptor(credentials);
	}

	@Bean
	CallerInterceptor callerInterceptor(SecurityProperties properties) {
		return new CallerInterceptor(properties);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 3)
	MutationAccessInstrumentation mutationAccessInstrumentation() {
		return new MutationAccessInstrumentation();
	}

}
