package org.incidentintel.api.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that a test cuts (its port refuses connections and open ones drop) and
 * restores on the same port: a Redis outage seen from the API, while the machine's Redis,
 * which others use, keeps running.
 */
final class CuttableProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private final int port;

	CuttableProxy(String targetHost, int targetPort) {
		this.target = new InetSocketAddress(targetHost, targetPort);
		this.port = listen(0);
	}

	int port() {
		return this.port;
	}

	/** Refuses new connections and drops the open ones. */
	void cut() {
		closeQuietly(this.server);
		this.sockets.forEach(CuttableProxy::closeQuietly);
		this.sockets.clear();
	}

	/** Accepts connections again, on the same port. */
	void restore() {
		listen(this.port);
	}

	@Override
	public void close() {
		cut();
	}

	private int listen(int port) {
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress("127.0.0.1", port));
			this.server = listening;
			daemon("proxy-accept", () -> accept(listening));
			return listening.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket upstream = new Socket(this.target.getHostString(), this.target.getPort());
				this.sockets.add(client);
				this.sockets.add(upstream);
				daemon("proxy-up", () -> pump(client, upstream));
				daemon("proxy-down", () -> pump(upstream, client));
			}
			catch (IOException ex) {
				// closed by cut()
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
