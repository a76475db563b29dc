package org.incidentintel.api.region;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.relay.GlobalId;

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

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@QueryMapping
	List<Region> regions(@Argument String country) {
		return this.regions.findByCountry(country);
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
