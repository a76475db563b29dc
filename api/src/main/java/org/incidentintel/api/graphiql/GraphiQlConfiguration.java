package org.incidentintel.api.graphiql;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GraphiQL on {@code /graphiql} from {@code static/graphiql/} and the GraphiQL and
 * React WebJars. Spring for GraphQL's own GraphiQL page is off: it loads its scripts from
 * a public CDN, so on a machine without internet access it never left "Loading...".
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
		registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
	}

}
