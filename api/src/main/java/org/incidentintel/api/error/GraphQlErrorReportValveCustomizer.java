package org.incidentintel.api.error;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Puts the {@link GraphQlErrorReportValve} on Tomcat's host in place of the error report
 * valve Spring Boot adds (which renders Tomcat's HTML page without its report).
 */
@Component
class GraphQlErrorReportValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final DataSize maxHeaderSize;

	GraphQlErrorReportValveCustomizer(@Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
		this.maxHeaderSize = maxHeaderSize;
	}

	@Override
	public int getOrder() {
		// after Spring Boot's customizer, whose context customizer adds its valve
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Host host = (Host) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new GraphQlErrorReportValve(this.maxHeaderSize));
			if (host instanceof StandardHost standard) {
				// the host adds a valve of this class when it starts, unless it has one
				standard.setErrorReportValveClass(GraphQlErrorReportValve.class.getName());
			}
		});
	}

}
