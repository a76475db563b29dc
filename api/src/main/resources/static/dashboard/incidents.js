// The incidents table: keyset paging with the connection's cursors, an organization
// filter with suggestions from organizations(search:), and a drawer showing every source
// record of an incident, its own figures and its original row.
import { INCIDENT, INCIDENTS, ORGANIZATION_SEARCH } from './documents.js';
import { graphql } from './graphql.js';
import { el, number, showError } from './dom.js';

const PAGE_SIZE = 20;

export class IncidentsTable {
  constructor(filter) {
    this.filter = filter;
    this.section = document.getElementById('incidents');
    this.organization = document.getElementById('organization');
    // The cursor each page starts after: null for the first page
    this.pageStarts = [null];
    this.loads = 0;
    document.getElementById('next-page').addEventListener('click', () => this.next());
    document.getElementById('previous-page').addEventListener('click', () => this.previous());
    this.organization.addEventListener('input', () => this.suggest());
    this.organization.addEventListener('change', () => this.reload());
    document.getElementById('close-drawer').addEventListener('click', () => {
      document.getElementById('drawer').hidden = true;
    });
  }

  // With the organization typed (any of its names), on top of the page's filters
  tableFilter() {
    const filter = this.filter();
    const organization = this.organization.value.trim();
    return organization ? { ...filter, perpetrator: [organization] } : filter;
  }

  reload() {
    this.pageStarts = [null];
    return this.load();
  }

  next() {
    this.pageStarts.push(this.endCursor);
    return this.load();
  }

  previous() {
    this.pageStarts.pop();
    return this.load();
  }

  async load() {
    const load = ++this.loads;
    this.section.dataset.state = 'loading';
    try {
      const after = this.pageStarts[this.pageStarts.length - 1];
      const data = await graphql(INCIDENTS, { filter: this.tableFilter(), first: PAGE_SIZE, after });
      if (load === this.loads) {
        this.render(data.incidents);
        this.section.dataset.state = 'ready';
      }
    }
    catch (failure) {
      if (load === this.loads) {
        this.section.dataset.state = 'error';
        showError(failure);
      }
    }
  }

  render(connection) {
    this.endCursor = connection.pageInfo.endCursor;
    document.getElementById('incident-count').textContent = `(${number(connection.totalCount)})`;
    document.getElementById('page-number').textContent = `page ${this.pageStarts.length}`;
    document.getElementById('next-page').disabled = !connection.pageInfo.hasNextPage;
    document.getElementById('previous-page').disabled = this.pageStarts.length === 1;
    const rows = connection.edges.map(({ node }) => el('tr', { dataset: { id: node.id }, onclick: () => this.open(node.id) },
      el('td', {}, node.date),
      el('td', {}, node.kind),
      el('td', {}, node.region ? node.region.name : '–'),
      el('td', {}, node.place || '–'),
      el('td', { className: 'number' }, number(node.casualties.killed)),
      el('td', { className: 'number' }, number(node.casualties.injured)),
      el('td', {}, node.perpetrators.map((perpetrator) => perpetrator.organization
        ? perpetrator.organization.acronym || perpetrator.organization.name : perpetrator.name).join(', ')),
      el('td', {}, node.sources.map((source) => source.dataset).join(', '))));
    this.section.querySelector('tbody').replaceChildren(...rows);
  }

  async suggest() {
    const search = this.organization.value.trim();
    if (search.length < 2) {
      return;
    }
    try {
      const data = await graphql(ORGANIZATION_SEARCH, { search });
      if (search === this.organization.value.trim()) {
        document.getElementById('organization-suggestions').replaceChildren(...data.organizations.edges.map(
          ({ node }) => el('option', { value: node.name, label: node.acronym ? `${node.acronym}: ${node.name}` : node.name })));
      }
    }
    catch (failure) {
      // Suggestions are a convenience: a search the API refuses leaves the list as it was
      console.info('dashboard: no suggestions for', search, failure.message);
    }
  }

  async open(id) {
    const drawer = document.getElementById('drawer');
    const content = document.getElementById('drawer-content');
    content.replaceChildren(el('p', {}, 'Loading…'));
    drawer.hidden = false;
    try {
      const { incident } = await graphql(INCIDENT, { id });
      content.replaceChildren(...incidentDetail(incident));
    }
    catch (failure) {
      content.replaceChildren(el('p', { className: 'error' }, failure.message));
    }
  }
}

function incidentDetail(incident) {
  return [
    el('h2', {}, `${incident.date} ${incident.kind.toLowerCase().replace('_', ' ')}, ${incident.place || 'place unknown'}`),
    el('p', {}, `${incident.region ? incident.region.name : 'province unknown'}`
      + `${incident.regionNameAtEvent ? ` (${incident.regionNameAtEvent} then)` : ''}; `
      + `killed ${number(incident.casualties.killed)}, injured ${number(incident.casualties.injured)}`),
    incident.summary ? el('p', {}, incident.summary) : null,
    el('p', {}, 'Perpetrators: ', incident.perpetrators.map((perpetrator) => `${perpetrator.name}`
      + `${perpetrator.organization ? ` → ${perpetrator.organization.name}` : ''}`
      + `${perpetrator.suspected ? ' (suspected)' : ''}`).join('; ') || '–'),
    el('h3', {}, `${incident.sources.length} source record${incident.sources.length === 1 ? '' : 's'}`),
    ...incident.sources.map(sourceRecord),
  ];
}

function sourceRecord(source) {
  const reported = source.reported;
  const killed = reported.killedLow !== null || reported.killedHigh !== null
    ? `${number(reported.killed)} (${number(reported.killedLow)}–${number(reported.killedHigh)})` : number(reported.killed);
  return el('div', { className: 'source-record', dataset: { dataset: source.dataset, recordId: source.recordId } },
    el('h4', {}, `${source.dataset}${source.datasetVersion ? ` ${source.datasetVersion}` : ''}, record ${source.recordId}`),
    el('p', {}, `${source.ingestRun.fileName}${source.line !== null ? `, line ${source.line}` : ''}`
      + `${source.matchScore !== null ? `; matched with score ${number(source.matchScore)}` : ''}`
      + `${source.matchEvidence ? ` (${source.matchEvidence})` : ''}`),
    el('table', { className: 'reported' },
      el('tr', {}, ['date', 'place', 'province', 'killed', 'injured', 'actors'].map((name) => el('th', {}, name))),
      el('tr', {},
        el('td', {}, reported.date === reported.endDate ? reported.date : `${reported.date}–${reported.endDate}`),
        el('td', {}, reported.place || '–'),
        el('td', {}, reported.region || '–'),
        el('td', { className: 'number' }, killed),
        el('td', { className: 'number' }, number(reported.injured)),
        el('td', {}, reported.actors || '–'))),
    el('pre', { className: 'raw' }, pretty(source.raw)));
}

// The original row as the source gave it (JSON for most), indented when it parses
function pretty(raw) {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  }
  catch (notJson) {
    return raw;
  }
}
