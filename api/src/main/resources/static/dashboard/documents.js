// Every GraphQL document the dashboard sends, in one module: the shapes are the cookbook's
// (docs/graphql-cookbook.md), with variables where the page lets you choose, and each one
// is named so it can be registered as a persisted document as it stands.

export const DIALOGUES = `query DashboardDialogues {
  dialogues(first: 50) {
    edges { node { id title date threats { id name acronym } } }
  }
}`;

// The headline question: each threat of a dialogue, counted as it perpetrated incidents
// (its factions included) per quarter, per province as it was then, and per source
export const HEADLINE = `query DashboardHeadline($dialogue: ID!, $filter: IncidentFilter) {
  dialogue(id: $dialogue) {
    id
    title
    date
    threats {
      id
      name
      acronym
      byQuarter: incidentStatistics(filter: $filter, groupBy: [YEAR, QUARTER]) {
        totals { incidents killed }
        buckets { key { year quarter } incidents killed }
      }
      byProvince: incidentStatistics(filter: $filter, groupBy: [REGION_AT_EVENT]) {
        buckets { key { regionAtEvent { name } } incidents killed }
      }
      bySource: incidentStatistics(filter: $filter, groupBy: [SOURCE]) {
        buckets { key { source } incidents killed }
      }
    }
  }
}`;

export const REPORTS = `query DashboardReports {
  reports(first: 20) {
    edges {
      node {
        id
        title
        publisher { name }
        period { from to }
        reconciliation {
          metric
          scope
          measure
          comparison
          published
          computed
          difference
          coverage
          note
        }
      }
    }
  }
}`;

export const FILTER_OPTIONS = `query DashboardFilterOptions {
  regions(country: "PAK") { name }
  sources: incidentStatistics(filter: {country: ["PAK"]}, groupBy: [SOURCE]) {
    buckets { key { source } }
  }
}`;

export const ORGANIZATION_SEARCH = `query DashboardOrganizationSearch($search: String!) {
  organizations(search: $search, first: 8) {
    edges { node { id name acronym } match { name } }
  }
}`;

export const INCIDENTS = `query DashboardIncidents($filter: IncidentFilter, $first: Int, $after: String) {
  incidents(filter: $filter, first: $first, after: $after, orderBy: [{field: DATE, direction: DESC}]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id
        date
        datePrecision
        kind
        region { name }
        place
        casualties { killed injured }
        perpetrators { name organization { name acronym } }
        sources { dataset }
      }
    }
  }
}`;

export const INCIDENT = `query DashboardIncident($id: ID!) {
  incident(id: $id) {
    id
    date
    endDate
    datePrecision
    kind
    region { name }
    regionNameAtEvent
    place
    summary
    casualties { killed injured }
    perpetrators { name suspected role organization { name acronym } }
    sources {
      dataset
      datasetVersion
      recordId
      line
      matchScore
      matchEvidence
      ingestRun { fileName }
      reported { date endDate datePrecision place region killed killedLow killedHigh injured actors }
      raw
    }
  }
}`;

// A cheap signal carrying the new data version: the page refreshes what it shows on each
export const INCIDENTS_CHANGED = `subscription DashboardIncidentsChanged($filter: IncidentFilter) {
  incidentsChanged(filter: $filter) { dataVersion changedAt }
}`;
