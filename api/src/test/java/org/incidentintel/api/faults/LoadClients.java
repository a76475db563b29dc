package org.incidentintel.api.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Client threads that post their documents in turn, without pause, until stopped, and
 * keep every answer.
 */
final class LoadClients implements AutoCloseable {

	private final List<Client> clients = new ArrayList<>();

	private volatile boolean running = true;

	/**
	 * Starts one thread per list of documents.
	 * @param http the API
	 * @param documents for each client, the documents it posts in turn
	 */
	LoadClients(GraphQlHttp http, List<List<Probe>> documents) {
		for (int i = 0; i < documents.size(); i++) {
			Client client = new Client(i, http, documents.get(i));
			this.clients.add(client);
			Thread thread = new Thread(client, "load-client-" + i);
			thread.setDaemon(true);
			client.thread = thread;
			thread.start();
		}
	}

	List<Client> clients() {
		return this.clients;
	}

	/** Every answer of every client so far. */
	List<Sample> samples() {
		List<Sample> all = new ArrayList<>();
		this.clients.forEach((client) -> all.addAll(client.samples));
		return all;
	}

	/** Waits until every client has at least {@code count} answers matching. */
	void awaitEach(int count, Predicate<Sample> matching, long timeoutMillis, String what) {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!this.clients.stream().allMatch((client) -> client.count(matching) >= count)) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("not every client saw " + count + " answers that are " + what + " within "
						+ timeoutMillis + " ms; last answers: " + this.clients.stream().map(Client::last).toList());
			}
			pause(50);
		}
	}

	/** Stops the clients and waits for their last requests to end. */
	@Override
	public void close() {
		this.running = false;
		for (Client client : this.clients) {
			try {
				client.thread.join(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A document a client posts.
	 *
	 * @param name what it is, for the report
	 * @param document the GraphQL document
	 */
	record Probe(String name, String document) {

	}

	/**
	 * An answer to a probe.
	 *
	 * @param client the client that posted it
	 * @param probe what was posted
	 * @param answer what came back
	 */
	record Sample(int client, Probe probe, GraphQlHttp.Answer answer) {

	}

	/** One client thread. */
	final class Client implements Runnable {

		final int index;

		private final GraphQlHttp http;

		private final List<Probe> probes;

		final List<Sample> samples = new CopyOnWriteArrayList<>();

		private Thread thread;

		Client(int index, GraphQlHttp http, List<Probe> probes) {
			this.index = index;
			this.http = http;
			this.probes = probes;
		}

		@Override
		public void run() {
			int next = 0;
			while (LoadClients.this.running) {
				Probe probe = this.probes.get(next++ % this.probes.size());
				this.samples.add(new Sample(this.index, probe, this.http.post(probe.document())));
			}
		}

		long count(Predicate<Sample> matching) {
			return this.samples.stream().filter(matching).count();
		}

		Sample last() {
			return this.samples.isEmpty() ? null : this.samples.get(this.samples.size() - 1);
		}

	}

}
