package org.incidentintel.api.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the dashboard on {@code /dashboard} from {@code static/dashboard/} (plain ES
 * modules, no build step) and the ECharts WebJar. The page is a public static resource;
 * its data comes from the public GraphQL API, as any other client's would.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/dashboard").setViewName("forward:/dashboard/index.html");
		registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
	}

}
