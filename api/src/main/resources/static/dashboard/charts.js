// The charts, drawn with ECharts from its WebJar. Each instance is also left on
// window.dashboardCharts (quarters, provinces) so that a test or a curious developer can
// read the numbers drawn: chart.getOption().
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

const charts = {};
window.dashboardCharts = charts;

function chart(name) {
  if (!charts[name]) {
    charts[name] = echarts.init(document.getElementById(`chart-${name}`), null, { renderer: 'canvas' });
    window.addEventListener('resize', () => charts[name].resize());
  }
  return charts[name];
}

export function label(organization) {
  return organization.acronym || organization.name;
}

// Every quarter from..to, so that a quarter without incidents shows as 0, not as a gap
export function quarters(from, to) {
  const labels = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const lastYear = Number(to.slice(0, 4));
  const lastQuarter = Math.floor((Number(to.slice(5, 7)) - 1) / 3) + 1;
  while ((year < lastYear || (year === lastYear && quarter <= lastQuarter)) && labels.length < 200) {
    labels.push(`${year} Q${quarter}`);
    quarter = (quarter % 4) + 1;
    year += quarter === 1 ? 1 : 0;
  }
  return labels;
}

const common = {
  animation: false,
  tooltip: { trigger: 'axis' },
  legend: { top: 0, type: 'scroll' },
  grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
};

export function drawQuarters(threats, from, to) {
  const categories = quarters(from, to);
  const series = threats.flatMap((threat) => {
    const byLabel = new Map(threat.byQuarter.buckets.map((bucket) => [`${bucket.key.year} Q${bucket.key.quarter}`, bucket]));
    const values = (field) => categories.map((category) => (byLabel.has(category) ? byLabel.get(category)[field] : 0));
    return [
      { name: `${label(threat)} incidents`, type: 'bar', data: values('incidents') },
      { name: `${label(threat)} killed`, type: 'line', yAxisIndex: 1, data: values('killed') },
    ];
  });
  chart('quarters').setOption({
    ...common,
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: 45 } },
    yAxis: [{ type: 'value', name: 'incidents' }, { type: 'value', name: 'killed' }],
    series,
  }, true);
}

export const UNKNOWN_PROVINCE = 'unknown';

export function drawProvinces(threats) {
  const killedIn = new Map();
  for (const threat of threats) {
    for (const bucket of threat.byProvince.buckets) {
      const province = provinceOf(bucket);
      killedIn.set(province, (killedIn.get(province) || 0) + (bucket.killed || 0));
    }
  }
  const categories = [...killedIn.keys()].sort((a, b) => killedIn.get(b) - killedIn.get(a) || a.localeCompare(b));
  const series = threats.flatMap((threat) => {
    const byProvince = new Map(threat.byProvince.buckets.map((bucket) => [provinceOf(bucket), bucket]));
    const values = (field) => categories.map((category) => (byProvince.has(category) ? byProvince.get(category)[field] : 0));
    return [
      { name: `${label(threat)} incidents`, type: 'bar', data: values('incidents') },
      { name: `${label(threat)} killed`, type: 'bar', data: values('killed') },
    ];
  });
  chart('provinces').setOption({
    ...common,
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value' },
    series,
  }, true);
}

function provinceOf(bucket) {
  return bucket.key.regionAtEvent ? bucket.key.regionAtEvent.name : UNKNOWN_PROVINCE;
}
