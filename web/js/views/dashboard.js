// views/dashboard.js — the commune dashboard (#/dashboard/PLAN/PERIOD):
// the plan's index for the period and its trend over the year's periods of
// the same kind (a line, with the figures in a table for those who do not
// see the chart), one figure per pillar (bars), every indicator with its
// status colour, the at-risk list by name, the units late or missing, and
// the unit ranking; from GET /api/v1/plans/:id/score/:period (approved
// reports only, recomputed at each approval).
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum } from '../i18n.js';
import { periodLabel } from '../periods.js';
import { loadChart, chartDefaults } from '../chart.js';
import { thisMonthVN } from '../dates.js';

const STATUS_CLASS = { met: 'met', on_track: 'ontrack', at_risk: 'risk', not_met: 'fail', no_data: 'nodata' };

// The month before this one, in Vietnam's time (dates.js).
function lastMonth() {
  const [y, m] = thisMonthVN().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function picker(plans, planId, period) {
  const sel = h('select', { id: 'dash-plan', name: 'plan' },
    plans.map((p) => h('option', { value: p.id, selected: String(p.id) === String(planId) }, p.title || `#${p.id}`)));
  const per = h('input', { id: 'dash-period', name: 'period', value: period, pattern: '\\d{4}(-\\d{2}|-Q[1-4]|-H[12])?',
    inputmode: 'text', required: true });
  const f = h('form', { class: 'card', id: 'dash-form' },
    h('div', { class: 'field' }, h('label', { for: 'dash-plan' }, t('dashboard.plan')), sel),
    h('div', { class: 'field' }, h('label', { for: 'dash-period' }, t('dashboard.period')), per),
    h('button', { type: 'submit', class: 'primary' }, t('dashboard.show')));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/dashboard/${sel.value}/${encodeURIComponent(per.value.trim())}`;
  });
  return f;
}

const status = (ind) => h('span', { class: 'status ' + (STATUS_CLASS[ind.status] || 'nodata') }, ind.status_label || ind.status);

function table(cols, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
}

async function drawTrend(canvas, trend) {
  try {
    const Chart = chartDefaults(await loadChart());
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: trend.map((p) => periodLabel(p.period)),
        datasets: [{ label: t('dashboard.index'), data: trend.map((p) => p.value), borderColor: '#0b5cad',
          backgroundColor: '#0b5cad', spanGaps: true, tension: 0 }],
      },
      options: { responsive: true, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 1 } }, plugins: { legend: { display: false } } },
    });
  } catch { canvas.replaceWith(h('p', { class: 'muted' }, t('dashboard.noChart'))); }
}

// The units whose report of the period is late or missing, by name.
function lateUnits(c) {
  const orgs = c.orgs || [];
  const late = orgs.filter((o) => o.timeliness?.status === 'late');
  const missing = orgs.filter((o) => o.timeliness?.status === 'missing');
  if (!late.length && !missing.length) return h('p', { class: 'muted', id: 'dash-late' }, t('dashboard.allIn'));
  return h('ul', { id: 'dash-late' },
    late.map((o) => h('li', {}, h('span', { class: 'status risk' }, t('dashboard.lateOne', { n: o.timeliness.late_days ?? '' })), ' ', o.org)),
    missing.map((o) => h('li', {}, h('span', { class: 'status fail' }, t('dashboard.missingOne')), ' ', o.org)));
}

async function drawGroups(canvas, groups) {
  try {
    const Chart = chartDefaults(await loadChart());
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: groups.map((g) => g.name),
        datasets: [{ label: t('dashboard.groupIndex'), data: groups.map((g) => g.value), backgroundColor: '#0b5cad' }],
      },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } },
    });
  } catch { canvas.replaceWith(h('p', { class: 'muted' }, t('dashboard.noChart'))); }
}

export async function render(main, ctx) {
  const { plans } = await get('/api/v1/plans');
  if (!plans.length) {
    mount(main, h('h1', {}, t('dashboard.title')), h('p', { class: 'muted' }, t('plan.none')));
    return;
  }
  const planId = ctx.args[0] || plans[0].id;
  const period = ctx.args[1] || lastMonth();
  const s = await get(`/api/v1/plans/${encodeURIComponent(planId)}/score/${encodeURIComponent(period)}`);
  const groups = (s.groups || []).filter((g) => g.value !== null);
  const canvas = h('canvas', { id: 'dash-groups', 'aria-label': t('dashboard.groups'), role: 'img' });
  const trend = (s.trend || []).filter((p) => p.value !== null);
  const trendCanvas = h('canvas', { id: 'dash-trend', 'aria-label': t('dashboard.trend'), role: 'img' });
  const nameOf = (code) => (s.indicators || []).find((i) => i.code === code)?.name || '';
  const c = s.completeness || {};
  mount(main,
    h('h1', {}, t('dashboard.title')),
    picker(plans, planId, period),
    h('section', { class: 'cards-row', 'aria-label': t('dashboard.summary') },
      h('ul', { class: 'cards' },
        h('li', {}, h('p', { class: 'muted' }, t('dashboard.index')), h('p', { class: 'big', id: 'dash-index' }, s.plan?.value_text || '—'),
          h('p', { class: 'muted' }, t('dashboard.counted', { n: s.plan?.counted ?? 0, m: s.plan?.nodata ?? 0 }))),
        h('li', {}, h('p', { class: 'muted' }, t('dashboard.reports')),
          h('p', { class: 'big' }, `${c.received ?? 0}/${c.expected ?? 0}`),
          h('p', { class: 'muted' }, t('dashboard.late', { late: c.late ?? 0, missing: c.missing ?? 0 }))))),
    h('h2', {}, t('dashboard.trend')),
    trend.length > 1
      ? [h('div', { class: 'chart chart-trend' }, trendCanvas),
        h('details', {}, h('summary', {}, t('dashboard.trendTable')),
          table([t('dashboard.periodCol'), t('dashboard.index')], trend.map((p) => [periodLabel(p.period), p.value_text || fmtNum(p.value, 4)])))]
      : h('p', { class: 'muted', id: 'dash-trend-none' }, t('dashboard.trendNone')),
    h('h2', {}, t('dashboard.groups')),
    groups.length ? h('div', { class: 'chart' }, canvas) : h('p', { class: 'muted' }, t('dashboard.empty')),
    h('h2', {}, t('dashboard.atRisk')),
    (s.at_risk || []).length
      ? h('ul', { id: 'dash-risk' }, s.at_risk.map((a) => {
        const code = typeof a === 'object' ? a.code : String(a);
        return h('li', {}, historyLink(s, code, code), ' ', (typeof a === 'object' && a.name) || nameOf(code));
      }))
      : h('p', { class: 'muted' }, t('dashboard.none')),
    h('h2', {}, t('dashboard.lateTitle')),
    lateUnits(c),
    h('h2', {}, t('plan.indicators')),
    table([t('plan.code'), t('plan.name'), t('dashboard.value'), t('dashboard.achievement'), t('dashboard.status')],
      (s.indicators || []).map((i) => [historyLink(s, i.code, i.code), i.name, i.value === null ? '—' : fmtNum(i.value),
        i.achievement === null ? '—' : fmtNum(i.achievement, 2), status(i)])),
    h('h2', {}, t('rankings.title')),
    table([t('public.rank'), t('public.name'), t('dashboard.onTime'), t('dashboard.achievement')],
      (s.ranking || []).map((r) => [r.rank, r.org, fmtNum(r.on_time_rate, 2), r.achievement === null ? '—' : fmtNum(r.achievement, 2)])));
  if (groups.length) await drawGroups(canvas, groups);
  if (trend.length > 1) await drawTrend(trendCanvas, trend);
}

// A link to the history of indicator CODE (its id from the score S),
// showing TEXT; plain TEXT when the score does not know the code.
function historyLink(s, code, text) {
  const ind = (s.indicators || []).find((i) => i.code === code);
  if (!ind || !ind.id) return text;
  return h('a', { href: `#/history/indicator/${ind.id}`, title: t('history.of', { x: code }),
    'aria-label': `${text} — ${t('history.of', { x: code })}` }, text);
}
