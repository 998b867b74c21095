// views/indicator.js — one indicator of a plan (#/indicator/PLAN/ID/PERIOD):
// why it is where it is. Its figure, target and status for the period; the
// monthly figures against the target line with the projection to the due
// day (a chart, and the same figures in a table); each approved figure with
// the unit that reported it, its note, the supporting units' notes and the
// evidence files; who leads and supports it; a link to its change history.
//
// Sources: GET /plans/:id/score/:period?inputs=1 (the figures that count,
// as app/score.h folds them: "observations"), GET /plans/:id (lead and
// support as the plan names them), and for each observation the report it
// came from (GET /plans/:id/reports/:org/:period: note, support notes,
// evidence). A report the user may not read is left out, not an error.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';
import { reportPath } from '../periods.js';
import { pct, value, approx, target, periodName, dayMonth } from '../fmt.js';
import { stackTable } from '../table.js';
import { loadChart, chartDefaults } from '../chart.js';
import { figure } from './dashboard.js';

addMessages({
  vi: {
    'ind.back': '← Tổng quan {p}', 'ind.value': 'Số liệu', 'ind.target': 'Mục tiêu', 'ind.due': 'Thời hạn',
    'ind.achievement': 'Mức đạt', 'ind.status': 'Tình trạng', 'ind.forecast': 'Dự báo đến {d}',
    'ind.noForecast': 'Chưa đủ số liệu để dự báo.', 'ind.lead': 'Chủ trì', 'ind.support': 'Phối hợp',
    'ind.chart': 'Số liệu từng kỳ so với mục tiêu', 'ind.chartTable': 'Số liệu của biểu đồ',
    'ind.series': 'Số liệu đã duyệt', 'ind.targetLine': 'Mục tiêu', 'ind.projection': 'Dự báo',
    'ind.reports': 'Số liệu của các đơn vị', 'ind.period': 'Kỳ', 'ind.unit': 'Đơn vị', 'ind.note': 'Ghi chú',
    'ind.evidence': 'Tài liệu kiểm chứng', 'ind.none': 'Chưa có số liệu đã duyệt trong năm.',
    'ind.noEvidence': 'không có', 'ind.history': 'Lịch sử thay đổi của chỉ tiêu', 'ind.notFound': 'Kế hoạch không có chỉ tiêu này.',
    'ind.title': 'Chỉ tiêu {c}', 'ind.agg.last': 'Số liệu của kỳ gần nhất', 'ind.agg.sum': 'Cộng dồn các kỳ',
    'ind.aggregation': 'Cách tính', 'ind.supportNote': '{o}: {n}',
  },
  en: {
    'ind.back': '← Dashboard {p}', 'ind.value': 'Figure', 'ind.target': 'Target', 'ind.due': 'Due',
    'ind.achievement': 'Achievement', 'ind.status': 'Status', 'ind.forecast': 'Forecast for {d}',
    'ind.noForecast': 'Not enough figures for a forecast.', 'ind.lead': 'Lead', 'ind.support': 'Support',
    'ind.chart': 'Figures by period against the target', 'ind.chartTable': 'The chart\'s figures',
    'ind.series': 'Approved figures', 'ind.targetLine': 'Target', 'ind.projection': 'Forecast',
    'ind.reports': 'The units\' figures', 'ind.period': 'Period', 'ind.unit': 'Unit', 'ind.note': 'Note',
    'ind.evidence': 'Evidence', 'ind.none': 'No approved figure this year yet.',
    'ind.noEvidence': 'none', 'ind.history': 'Change history of the indicator', 'ind.notFound': 'The plan has no such indicator.',
    'ind.title': 'Indicator {c}', 'ind.agg.last': 'The latest period\'s figure', 'ind.agg.sum': 'Summed over the periods',
    'ind.aggregation': 'Computed as', 'ind.supportNote': '{o}: {n}',
  },
});

// The report behind observation O, or null when it cannot be read.
async function reportOf(planId, o) {
  try { return await get(reportPath(planId, o.org_id, o.period)); } catch { return null; }
}

async function drawChart(canvas, ind, obs) {
  try {
    const Chart = chartDefaults(await loadChart());
    const labels = obs.map((o) => periodName(o.period));
    const data = obs.map((o) => o.value);
    const proj = obs.map(() => null);
    if (ind.forecast !== null && ind.forecast !== undefined && obs.length) {
      labels.push(`${t('ind.projection')} ${dayMonth(ind.due)}`);
      data.push(null);
      proj[obs.length - 1] = obs[obs.length - 1].value;
      proj.push(ind.forecast);
    }
    const tv = ind.target && typeof ind.target.value === 'number' ? ind.target.value : null;
    const datasets = [{ label: t('ind.series'), data, borderColor: '#0b5cad', backgroundColor: '#0b5cad', tension: 0 }];
    if (tv !== null) {
      datasets.push({ label: `${t('ind.targetLine')} ${target(ind.target)}`, data: labels.map(() => tv),
        borderColor: '#1e7b34', backgroundColor: '#1e7b34', borderDash: [6, 4], pointRadius: 0 });
    }
    if (proj.some((x) => x !== null)) {
      datasets.push({ label: t('ind.projection'), data: proj, borderColor: '#8a4b00', backgroundColor: '#8a4b00',
        borderDash: [2, 3], spanGaps: true });
    }
    new Chart(canvas, { type: 'line', data: { labels, datasets },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } } });
  } catch { canvas.replaceWith(h('p', { class: 'muted' }, t('dashboard.noChart'))); }
}

export async function render(main, ctx) {
  const [planId, id, period] = ctx.args;
  const back = h('p', {}, h('a', { href: `#/dashboard/${planId}/${period || ''}` }, t('ind.back', { p: period ? periodName(period) : '' })));
  const [s, planDoc] = await Promise.all([
    get(`/api/v1/plans/${encodeURIComponent(planId)}/score/${encodeURIComponent(period)}?inputs=1`),
    get(`/api/v1/plans/${encodeURIComponent(planId)}`).catch(() => null),
  ]);
  const ind = (s.indicators || []).find((i) => String(i.id) === String(id));
  if (!ind) {
    mount(main, h('h1', {}, t('ind.title', { c: '' })), back, h('p', { class: 'error', role: 'alert' }, t('ind.notFound')));
    return;
  }
  const doc = (planDoc?.indicators || []).find((x) => x.code === ind.code) || {};
  const obs = (ind.observations || []).filter((o) => o.value !== null && o.value !== undefined);
  const reports = await Promise.all((ind.observations || []).map((o) => reportOf(planId, o)));
  const unit = ind.target?.unit;
  const rows = (ind.observations || []).map((o, k) => {
    const r = reports[k];
    const row = r && (r.values || []).find((v) => v.code === ind.code);
    const notes = [];
    if (row?.note) notes.push(row.note);
    for (const sp of (r?.support || []).filter((x) => x.kind === 'indicator' && x.indicator === ind.code && x.note)) {
      notes.push(t('ind.supportNote', { o: sp.org || '', n: sp.note }));
    }
    const ev = (r?.evidence || []).filter((e) => e.indicator === ind.code);
    return [periodName(o.period), o.org, value(o.value, unit), notes.join(' — ') || '—',
      ev.length ? h('ul', { class: 'plain' }, ev.map((e) => h('li', {}, h('a', { href: `/api/v1/evidence/${e.id}` }, e.name))))
        : t('ind.noEvidence')];
  }).reverse();
  const canvas = h('canvas', { id: 'ind-chart', role: 'img', 'aria-label': t('ind.chart') });
  mount(main,
    h('h1', {}, `${ind.code} ${ind.name}`),
    back,
    h('dl', { class: 'card facts', id: 'ind-facts' },
      h('dt', {}, `${t('ind.value')} — ${periodName(s.period)}`), h('dd', { id: 'ind-value' }, figure(ind, s.period)),
      h('dt', {}, t('ind.target')), h('dd', {}, ind.target ? `${target(ind.target)} (${ind.target.text || ''})` : '—'),
      h('dt', {}, t('ind.due')), h('dd', {}, ind.due || '—'),
      h('dt', {}, t('ind.achievement')), h('dd', {}, pct(ind.achievement)),
      h('dt', {}, t('ind.status')), h('dd', {}, h('span', { class: 'status ' + ({ met: 'met', on_track: 'ontrack', at_risk: 'risk', not_met: 'fail' }[ind.status] || 'nodata') }, ind.status_label)),
      h('dt', {}, t('ind.forecast', { d: ind.due || '' })), h('dd', { id: 'ind-forecast' },
        ind.forecast === null || ind.forecast === undefined ? t('ind.noForecast') : approx(ind.forecast, unit)),
      h('dt', {}, t('ind.aggregation')), h('dd', {}, t('ind.agg.' + (ind.aggregation === 'sum' ? 'sum' : 'last'))),
      h('dt', {}, t('ind.lead')), h('dd', { id: 'ind-lead' }, (doc.lead || []).join(', ') || '—'),
      h('dt', {}, t('ind.support')), h('dd', {}, (doc.support || []).join(', ') || '—')),
    h('h2', {}, t('ind.chart')),
    obs.length ? [h('div', { class: 'chart chart-trend' }, canvas),
      h('details', {}, h('summary', {}, t('ind.chartTable')),
        stackTable([t('ind.period'), t('ind.value')], obs.map((o) => [periodName(o.period), value(o.value, unit)]), { num: [1] }))]
      : h('p', { class: 'muted' }, t('ind.none')),
    h('h2', {}, t('ind.reports')),
    rows.length ? stackTable([t('ind.period'), t('ind.unit'), t('ind.value'), t('ind.note'), t('ind.evidence')], rows,
      { id: 'ind-reports', num: [2] }) : h('p', { class: 'muted' }, t('ind.none')),
    h('p', {}, h('a', { href: `#/history/indicator/${ind.id}` }, t('ind.history'))));
  if (obs.length) await drawChart(canvas, ind, obs);
}
