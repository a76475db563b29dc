package org.incidentintel.api.incident;

/**
 * One sort key of the {@code incidents} list ({@code IncidentOrder}).
 *
 * @param field what to sort by
 * @param direction which way
 */
record IncidentOrder(Field field, Direction direction) {

	IncidentOrder {
		direction = (direction != null) ? direction : Direction.DESC;
	}

	/** {@code IncidentOrderField}, with the column each sorts by. */
	enum Field {

		DATE("i.date_start"), KILLED("i.killed"), INJURED("i.injured");

		private final String column;

		Field(String column) {
			this.column = column;
		}

		String column() {
			return this.column;
		}

	}

	/** {@code SortDirection}. */
	enum Direction {

		ASC, DESC

	}

}
