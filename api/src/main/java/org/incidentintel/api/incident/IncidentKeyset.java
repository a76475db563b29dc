package org.incidentintel.api.incident;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.incident.IncidentOrder.Direction;
import org.incidentintel.api.incident.IncidentOrder.Field;
import org.incidentintel.api.relay.Cursor;

/**
 * The sort order of an incident list and its keyset paging: the ORDER BY clause, the
 * cursor of an incident (the order's signature, its sort values and its id) and the
 * condition that selects the incidents after or before a cursor.
 * <p>
 * Unknown values sort last in either direction ({@code NULLS LAST}); ties are broken by
 * id in the direction of the last key, so the order is total and a cursor stays right
 * while new incidents arrive.
 */
final class IncidentKeyset {

	static final List<IncidentOrder> DEFAULT_ORDER = List.of(new IncidentOrder(Field.DATE, Direction.DESC));

	private final List<IncidentOrder> orders;

	private final Direction idDirection;

	private final String signature;

	private IncidentKeyset(List<IncidentOrder> orders) {
		this.orders = orders;
		this.idDirection = orders.get(orders.size() - 1).direction();
		this.signature = orders.stream()
			.map((order) -> order.field() + "." + order.direction())
			.collect(Collectors.joining(",")) + ",ID." + this.idDirection;
	}

	/**
	 * The keyset of the given order; the default order when none is given.
	 * @throws ApiException {@code BAD_USER_INPUT} when a field is given twice
	 */
	static IncidentKeyset of(List<IncidentOrder> orderBy, String argument) {
		if (orderBy == null || orderBy.isEmpty()) {
			return new IncidentKeyset(DEFAULT_ORDER);
		}
		Set<Field> seen = EnumSet.noneOf(Field.class);
		for (int i = 0; i < orderBy.size(); i++) {
			if (!seen.add(orderBy.get(i).field())) {
				throw ApiException.badInput("sorting twice by " + orderBy.get(i).field() + " is ambiguous", argument,
						i);
			}
		}
		return new IncidentKeyset(List.copyOf(orderBy));
	}

	/** The ORDER BY clause, for a page read forward or (reversed) backward. */
	String orderBy(boolean reversed) {
		List<String> keys = new ArrayList<>();
		for (IncidentOrder order : this.orders) {
			// No NULLS clause on a column that is never null: the date index can then
			// serve the order.
			String nulls = !order.field().nullable() ? "" : (reversed ? " nulls first" : " nulls last");
			keys.add(order.field().column() + " " + direction(order.direction(), reversed) + nulls);
		}
		keys.add("i.id " + direction(this.idDirection, reversed));
		return String.join(", ", keys);
	}

	private static String direction(Direction direction, boolean reversed) {
		return ((direction == Direction.ASC) != reversed) ? "asc" : "desc";
	}

	/**
	 * Incidents sorted in this order (as {@link #orderBy(boolean) orderBy(false)} sorts
	 * them in SQL).
	 */
	List<Incident> sort(List<Incident> incidents) {
		Comparator<Incident> order = (a, b) -> 0;
		for (IncidentOrder key : this.orders) {
			Comparator<Comparable<Object>> values = Comparator.naturalOrder();
			if (key.direction() == Direction.DESC) {
				values = values.reversed();
			}
			// Unknown values last in either direction, as NULLS LAST
			order = order.thenComparing((incident) -> comparable(value(incident, key.field())),
					Comparator.nullsLast(values));
		}
		Comparator<Incident> byId = Comparator.comparingLong(Incident::id);
		order = order.thenComparing((this.idDirection == Direction.ASC) ? byId : byId.reversed());
		List<Incident> sorted = new ArrayList<>(incidents);
		sorted.sort(order);
		return sorted;
	}

	@SuppressWarnings("unchecked")
	private static Comparable<Object> comparable(Object value) {
		return (Comparable<Object>) value;
	}

	/** The cursor of an incident in this order. */
	String cursorOf(Incident incident) {
		List<String> values = new ArrayList<>();
		values.add(this.signature);
		for (IncidentOrder order : this.orders) {
			Object value = value(incident, order.field());
			values.add((value != null) ? value.toString() : "");
		}
		values.add(Long.toString(incident.id()));
		return Cursor.encode(values);
	}

	private static Object value(Incident incident, Field field) {
		return switch (field) {
			case DATE -> incident.date();
			case KILLED -> incident.casualties().killed();
			case INJURED -> incident.casualties().injured();
		};
	}

	/**
	 * Decodes a cursor of this order.
	 * @throws ApiException {@code BAD_USER_INPUT} on the argument for a cursor of another
	 * list or order
	 */
	Position decode(String cursor, String argument) {
		List<String> values = Cursor.decode(cursor, this.orders.size() + 2, argument);
		if (!values.get(0).equals(this.signature)) {
			throw ApiException.badInput("'" + cursor + "' is a cursor of another order (" + values.get(0)
					+ "); cursors are only valid with the orderBy they came from", argument);
		}
		try {
			List<Object> keys = new ArrayList<>();
			for (int i = 0; i < this.orders.size(); i++) {
				String value = values.get(i + 1);
				keys.add(value.isEmpty() ? null : switch (this.orders.get(i).field()) {
					case DATE -> LocalDate.parse(value);
					case KILLED, INJURED -> Integer.valueOf(value);
				});
			}
			return new Position(keys, Long.parseLong(values.get(values.size() - 1)));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw ApiException.badInput("'" + cursor + "' is not a cursor of this list", argument);
		}
	}

	/**
	 * The condition selecting the incidents after (or, when {@code before}, before) a
	 * position in this order; its parameters are added to the given map.
	 */
	String condition(Position position, boolean before, Map<String, Object> parameters) {
		boolean greater = (this.idDirection == Direction.ASC) != before;
		if (this.orders.stream()
			.allMatch((order) -> !order.field().nullable() && order.direction() == this.idDirection)) {
			// One row comparison (the default order: date, then id, one direction): an
			// index on the columns starts the scan at the cursor instead of filtering up
			// to it
			List<String> columns = new ArrayList<>();
			List<String> values = new ArrayList<>();
			for (int i = 0; i < this.orders.size(); i++) {
				columns.add(this.orders.get(i).field().column());
				values.add(parameter(position.keys().get(i), parameters));
			}
			columns.add("i.id");
			values.add(parameter(position.id(), parameters));
			return "(" + String.join(", ", columns) + ") " + (greater ? ">" : "<") + " (" + String.join(", ", values)
					+ ")";
		}
		List<String> alternatives = new ArrayList<>();
		List<String> equalKeys = new ArrayList<>();
		for (int i = 0; i < this.orders.size(); i++) {
			IncidentOrder order = this.orders.get(i);
			String column = order.field().column();
			Object value = position.keys().get(i);
			String beyond = beyond(column, order.field().nullable(), order.direction(), value, before, parameters);
			if (beyond != null) {
				alternatives.add(prefix(equalKeys) + beyond);
			}
			equalKeys.add((value != null) ? column + " = " + parameter(value, parameters) : column + " is null");
		}
		alternatives
			.add(prefix(equalKeys) + "i.id " + (greater ? ">" : "<") + " " + parameter(position.id(), parameters));
		return alternatives.stream().map((alternative) -> "(" + alternative + ")").collect(Collectors.joining(" or "));
	}

	// The rows strictly beyond a key value, with unknown values last in display order;
	// null when no row is (nothing follows an unknown value)
	private static String beyond(String column, boolean nullable, Direction direction, Object value, boolean before,
			Map<String, Object> parameters) {
		boolean greater = (direction == Direction.ASC) != before;
		String comparison = column + (greater ? " > " : " < ");
		if (!nullable) {
			return comparison + parameter(value, parameters);
		}
		if (!before) {
			return (value != null) ? "(" + comparison + parameter(value, parameters) + " or " + column + " is null)"
					: null;
		}
		return (value != null) ? "(" + column + " is not null and " + comparison + parameter(value, parameters) + ")"
				: column + " is not null";
	}

	private static String prefix(List<String> equalKeys) {
		return equalKeys.isEmpty() ? "" : String.join(" and ", equalKeys) + " and ";
	}

	private static String parameter(Object value, Map<String, Object> parameters) {
		String name = "k" + parameters.size();
		parameters.put(name, value);
		return ":" + name;
	}

	/**
	 * Where a cursor points: its sort values and its id.
	 *
	 * @param keys the sort values, {@code null} for unknown
	 * @param id the incident's id
	 */
	record Position(List<Object> keys, long id) {
	}

}
