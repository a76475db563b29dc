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

		DATE("i.date_start", false), KILLED("i.killed", true), INJURED("i.injured", true);

		private final String column;

		private final boolean nullable;

		Field(String column, boolean nullable) {
			this.column = column;
			this.nullable = nullable;
		}

		/**
		 * Whether the column can be null, so that the order must place unknown values.
		 */
		boolean nullable() {
			return this.nullable;
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
