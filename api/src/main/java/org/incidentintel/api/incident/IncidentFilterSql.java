package org.incidentintel.api.incident;

import java.util.List;
import java.util.Map;

import org.incidentintel.api.error.ApiException;

import org.springframework.stereotype.Component;

/**
 * Turns an {@link IncidentFilter} tree into a SQL condition over {@code incident i} with
 * its parameters, portable to H2 and PostgreSQL. Used by the incident list, its count and
 * the statistics, so all three select the same incidents.
 * <p>
 * Three passes, each its own class: the whole tree is validated first
 * ({@link IncidentFilterValidation}: no database work for an invalid filter), then its
 * names are resolved ({@link IncidentFilterNames}: at most three statements per filter,
 * however many names it holds), then the condition is written
 * ({@link IncidentFilterSqlBuilder}).
 */
@Component
class IncidentFilterSql {

	private final IncidentFilterNames names;

	IncidentFilterSql(IncidentFilterNames names) {
		this.names = names;
	}

	/**
	 * The condition of a filter; {@code 1 = 1} for none.
	 * @param filter the filter, or {@code null}
	 * @param argument the argument's name, the first element of error paths
	 * @return the condition over {@code incident i}
	 * @throws ApiException {@code BAD_USER_INPUT} or {@code LIMIT_EXCEEDED} naming the
	 * argument path at fault
	 */
	Condition toSql(IncidentFilter filter, String argument) {
		if (filter == null) {
			return Condition.ALL;
		}
		IncidentFilterValidation.validate(filter, argument);
		return IncidentFilterSqlBuilder.condition(filter, this.names.resolve(filter, argument));
	}

	/**
	 * Whether the filter's condition reads only columns that the statistics cells
	 * ({@code incident_statistics_cell}) keep under the same names: the dates, country,
	 * region ids and kind, under any nesting of {@code and}, {@code or} and {@code not}.
	 * Perpetrator, source, casualty ranges, text and distance read other columns or
	 * tables.
	 * @param filter the filter, or {@code null}
	 */
	static boolean cellsCanAnswer(IncidentFilter filter) {
		if (filter == null) {
			return true;
		}
		// The filter with only the fields the cells can answer; a new field of
		// IncidentFilter breaks this constructor call, to be decided on here
		IncidentFilter cellsOnly = new IncidentFilter(filter.and(), filter.or(), filter.not(), filter.date(),
				filter.country(), filter.region(), filter.kind(), null, null, null, null, null, null, null,
				filter.includeFactions());
		return filter.equals(cellsOnly) && allCellsCanAnswer(filter.and()) && allCellsCanAnswer(filter.or())
				&& cellsCanAnswer(filter.not());
	}

	private static boolean allCellsCanAnswer(List<IncidentFilter> filters) {
		return filters == null || filters.stream().allMatch(IncidentFilterSql::cellsCanAnswer);
	}

	/**
	 * A SQL condition over {@code incident i} and its named parameters.
	 * <p>
	 * Month bounds: {@code d >= f} with {@code f} the first day of a month, and
	 * {@code d <= t} with {@code t} the last day of a month, are true of a date {@code d}
	 * exactly when they are true of the first day of its month. When every comparison of
	 * a date column in the condition is such a bound (the filter's {@code date.from} and
	 * the validity start of a former region name on a month's first day, {@code date.to}
	 * and the validity end on a month's last day), each comparison, hence the whole
	 * condition under any {@code and}, {@code or} and {@code not}, selects the same rows
	 * when the date columns hold the first day of their month instead, as the month
	 * statistics cells keep them.
	 *
	 * @param sql the condition
	 * @param parameters its parameters
	 * @param monthBounds whether every date the condition compares a date column with is
	 * a month bound
	 */
	record Condition(String sql, Map<String, Object> parameters, boolean monthBounds) {

		static final Condition ALL = new Condition("1 = 1", Map.of(), true);

	}

}
