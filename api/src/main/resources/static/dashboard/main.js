// The dashboard's page: the headline question for a chosen dialogue, a published report
// reconciled with the incidents, and the incidents themselves, all refreshed when the
// filters or the data change.
import { DIALOGUES, FILTER_OPTIONS, HEADLINE, REPORTS } from './documents.js';
import { graphql } from './graphql.js';
import { drawProvinces, drawQuarters, label } from './charts.js';
import { IncidentsTable } from './incidents.js';
import { LiveRefresh } from './live.js';
import { clearError, el, number, showError } from './dom.js';

// The headline question's defaults (docs/graphql-cookbook.md): the Pakistan-US round of
// 2024-05-10 and its threats' incidents of 2020-2021, the last years the samples cover
const DEFAULT_DIALOGUE_DATE = '2024-05-10';
const DEFAULT_PERIOD = { from: '2020-01-01', to: '2021-12-31' };

const byId = (id) => document.getElementById(id);
const fields = {
  dialogue: byId('dialogue'),
  from: byId('from'),
  to: byId('to'),
  province: byId('province'),
  source: byId('source'),
};

// What the headline and the table share: Pakistan, the period, a province and a source
function pageFilter() {
  const filter = { country: ['PAK'], date: { from: fields.from.value, to: fields.to.value } };
  if (fields.province.value) {
    filter.region = [fields.province.value];
  }
  if (fields.source.value) {
    filter.source = [fields.source.value];
  }
  return filter;
}

const table = new IncidentsTable(pageFilter);
const live = new LiveRefresh(byId('live-status'), () => refresh());
let reports = [];
let headlineLoads = 0;

async function start() {
  fields.from.value = DEFAULT_PERIOD.from;
  fields.to.value = DEFAULT_PERIOD.to;
  try {
    const [{ dialogues }, options, reportData] = await Promise.all([graphql(DIALOGUES), graphql(FILTER_OPTIONS),
      graphql(REPORTS)]);
    const rounds = dialogues.edges.map((edge) => edge.node).sort((a, b) => b.date.localeCompare(a.date));
    fields.dialogue.replaceChildren(...rounds.map((round) => el('option', { value: round.id }, `${round.date} ${round.title}`)));
    const headline = rounds.find((round) => round.date === DEFAULT_DIALOGUE_DATE) || rounds[0];
    if (headline) {
      fields.dialogue.value = headline.id;
    }
    fields.province.append(...options.regions.map((region) => el('option', { value: region.name }, region.name)));
    fields.source.append(...options.sources.buckets.map((bucket) => el('option', { value: bucket.key.source }, bucket.key.source)));
    reports = reportData.reports.edges.map((edge) => edge.node);
  }
  catch (failure) {
    showError(failure);
    return;
  }
  for (const field of Object.values(fields)) {
    field.addEventListener('change', () => filtersChanged());
  }
  byId('report-choice').addEventListener('change', () => drawReport());
  filtersChanged();
}

function filtersChanged() {
  if (!fields.from.value || !fields.to.value) {
    return;
  }
  live.watch(pageFilter());
  refresh({ filtersChanged: true });
}

// After a change of the filters the table starts again from its first page and the report
// fitting the period is chosen; after a change of the data the table reloads the page it
// shows and the reconciliation is computed afresh
async function refresh({ filtersChanged = false } = {}) {
  clearError();
  const work = [loadHeadline()];
  if (filtersChanged) {
    chooseReport();
    drawReport();
    work.push(table.reload());
  }
  else {
    work.push(table.load(), reloadReports());
  }
  await Promise.all(work);
}

async function loadHeadline() {
  const section = byId('headline');
  const load = ++headlineLoads;
  section.dataset.state = 'loading';
  try {
    const { dialogue } = await graphql(HEADLINE, { dialogue: fields.dialogue.value, filter: pageFilter() });
    if (load !== headlineLoads) {
      return;
    }
    byId('dialogue-title').textContent = `${dialogue.title} (${dialogue.date}): its threats`;
    byId('threats').replaceChildren(...dialogue.threats.map((threat) => el('li', { dataset: { organization: threat.id } },
      el('strong', {}, threat.name), threat.acronym ? ` (${threat.acronym})` : '',
      `: ${number(threat.byQuarter.totals.incidents)} incidents, ${number(threat.byQuarter.totals.killed)} killed`)));
    drawQuarters(dialogue.threats, fields.from.value, fields.to.value);
    drawProvinces(dialogue.threats);
    drawSourceFigures(dialogue.threats);
    section.dataset.state = 'ready';
  }
  catch (failure) {
    if (load === headlineLoads) {
      section.dataset.state = 'error';
      showError(failure);
    }
  }
}

// Grouped by SOURCE, each bucket holds that dataset's own figures for the incidents it reports
function drawSourceFigures(threats) {
  const sources = [...new Set(threats.flatMap((threat) => threat.bySource.buckets.map((bucket) => bucket.key.source)))].sort();
  const head = el('tr', {}, el('th', {}, 'source'), threats.flatMap((threat) => [
    el('th', { className: 'number' }, `${label(threat)} incidents`), el('th', { className: 'number' }, `${label(threat)} killed`)]));
  const rows = sources.map((source) => el('tr', { dataset: { source } }, el('td', {}, source), threats.flatMap((threat) => {
    const bucket = threat.bySource.buckets.find((candidate) => candidate.key.source === source);
    return [el('td', { className: 'number' }, bucket ? number(bucket.incidents) : '0'),
      el('td', { className: 'number' }, bucket ? number(bucket.killed) : '–')];
  })));
  byId('source-figures').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
}

async function reloadReports() {
  try {
    reports = (await graphql(REPORTS)).reports.edges.map((edge) => edge.node);
    drawReport();
  }
  catch (failure) {
    showError(failure);
  }
}

// The latest report whose period lies within the page's period, else the latest report
function chooseReport() {
  const from = fields.from.value;
  const to = fields.to.value;
  const latestFirst = [...reports].sort((a, b) => b.period.to.localeCompare(a.period.to));
  const within = latestFirst.find((report) => report.period.from >= from && report.period.to <= to);
  const choice = byId('report-choice');
  choice.replaceChildren(...latestFirst.map((report) => el('option', { value: report.id },
    `${report.title} (${report.period.from} to ${report.period.to})`)));
  if (within || latestFirst[0]) {
    choice.value = (within || latestFirst[0]).id;
  }
}

function drawReport() {
  const section = byId('report');
  const report = reports.find((candidate) => candidate.id === byId('report-choice').value);
  if (!report) {
    return;
  }
  const coverage = [...new Set(report.reconciliation.map((figure) => figure.coverage))];
  byId('coverage').replaceChildren(...coverage.map((note) => el('li', {}, note)));
  const head = el('tr', {}, ['metric', 'scope', 'published', 'computed', 'difference', 'note'].map((name) =>
    el('th', { className: ['published', 'computed', 'difference'].includes(name) ? 'number' : '' }, name)));
  const rows = report.reconciliation.map((figure) => el('tr', { dataset: { metric: figure.metric, scope: figure.scope } },
    el('td', {}, figure.metric),
    el('td', {}, figure.scope),
    el('td', { className: 'number' }, `${comparisons[figure.comparison] || ''}${measured(figure, figure.published)}`),
    el('td', { className: 'number' }, measured(figure, figure.computed)),
    el('td', { className: 'number' }, measured(figure, figure.difference)),
    el('td', {}, figure.note || '')));
  byId('reconciliation').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
  section.dataset.state = 'ready';
}

const comparisons = { LESS_THAN: '< ', MORE_THAN: '> ', AT_LEAST: '≥ ', APPROXIMATELY: '≈ ' };

function measured(figure, value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return figure.measure === 'SHARE' ? `${(value * 100).toFixed(1)}%` : number(value);
}

start();
