package org.incidentintel.api.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;
import org.incidentintel.domain.common.NameSearch;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code regions} and the fields of {@code Region}.
 */
@Controller
class RegionController {

	static final String TYPE = "Region";

	// The GraphQL context's entry holding the hits of the request's searches
	private static final String MATCHES = RegionController.class.getName() + ".matches";

	/** The lowest score a search candidate needs to be listed. */
	static final double MIN_SCORE = 0.8;

	private final Regions regions;

	private final ApiProperties properties;

	RegionController(Regions regions, ApiProperties properties) {
		this.regions = regions;
		this.properties = properties;
	}

	@QueryMapping
	List<Region> regions(@Argument String country, @Argument String search, @Argument Integer first,
			DataFetchingEnvironment environment) {
		if (search == null) {
			if (first != null) {
				throw ApiException.badInput("first bounds a search: give search too", "first");
			}
			return this.regions.findByCountry(country);
		}
		if (search.isBlank()) {
			throw ApiException.badInput("search must not be blank", "search");
		}
		if (search.length() > NameSearch.MAX_TEXT_LENGTH) {
			throw ApiException.badInput("search is " + search.length() + " characters long; at most "
					+ NameSearch.MAX_TEXT_LENGTH + " are taken", "search");
		}
		int size = PageArguments.of(first, null, null, null, this.properties.maxPageSize()).size();
		Map<Object, NameSearch.Hit<?>> matches = matches(environment.getGraphQlContext());
		List<Region> found = new ArrayList<>();
		for (NameSearch.Hit<Region> hit : this.regions.search(search, country, MIN_SCORE)) {
			if (found.size() == size) {
				break;
			}
			matches.put(hit.target(), hit);
			found.add(hit.target());
		}
		return found;
	}

	/**
	 * The hits of this request's searches, by (identical) region: a region listed by a
	 * search says how it matched, the same region reached otherwise says nothing.
	 */
	private static Map<Object, NameSearch.Hit<?>> matches(GraphQLContext context) {
		return context.computeIfAbsent(MATCHES, (key) -> Collections.synchronizedMap(new IdentityHashMap<>()));
	}

	/**
	 * How a region listed by {@code regions(search:)} matched; {@code null} elsewhere
	 * (the same region reached through another field is another instance).
	 */
	@SchemaMapping
	NameSearch.Hit<?> match(Region region, DataFetchingEnvironment environment) {
		return matches(environment.getGraphQlContext()).get(region);
	}

	@SchemaMapping
	String id(Region region) {
		return GlobalId.of(TYPE, region.id());
	}

	@BatchMapping
	Map<Region, Region> parent(List<Region> regions) {
		return related(regions, Region::parentId);
	}

	@BatchMapping
	Map<Region, Region> mergedInto(List<Region> regions) {
		return related(regions, Region::mergedIntoId);
	}

	private Map<Region, Region> related(Collection<Region> regions, Function<Region, Long> idOf) {
		Map<Long, Region> related = this.regions
			.findByIds(regions.stream().map(idOf).filter(Objects::nonNull).distinct().toList());
		return regions.stream()
			.filter((region) -> idOf.apply(region) != null && related.containsKey(idOf.apply(region)))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (region) -> related.get(idOf.apply(region))));
	}

	@BatchMapping
	Map<Region, List<RegionName>> names(List<Region> regions) {
		Map<Long, List<RegionName>> names = this.regions.namesOf(regions.stream().map(Region::id).distinct().toList());
		return regions.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (region) -> names.getOrDefault(region.id(), List.of())));
	}

}
