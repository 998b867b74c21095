// views/dashboard.js — the commune dashboard (#/dashboard/PLAN/PERIOD):
// the plan's index for the period and its trend over the year's periods of
// the same kind (a line, with the figures in a table for those who do not
// see the chart), one figure per pillar (bars), every indicator with its
// status colour, the at-risk list with why, the units late or missing, and
// the unit ranking; from GET /api/v1/plans/:id/score/:period (approved
// reports only, recomputed at each approval).
//
// Telling the truth about the period:
// - it opens on the latest period whose deadline has passed (periodpick.js),
//   not on the month still being reported;
// - a period still open says so in a banner ("Tháng 11/2026: chưa đến hạn
//   (15/12), mới nhận 1/7 — số liệu tạm tính") and counts the units not yet
//   due apart from those late or missing;
// - a figure carried from an earlier period says which ("62% (số liệu T10)");
// - any period: months of the calendar, and quarters, half-years and years
//   the server folds from them; the picker stays whatever fails below it;
// - after them, the plan's open and recent ad-hoc and weekly requests
//   (periodpick.js). A request is not a period of the index (docs/
//   scoring.md): picked, the dashboard shows who it asks, who has reported
//   and who is late (GET /plans/:id/completeness/:code), and says why there
//   is no index.
import { get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum, addMessages } from '../i18n.js';
import { periodLabel, daysLeft } from '../periods.js';
import { exportControl } from '../export.js';
import { pct, index, value, approx, target, periodName, periodShort, dayMonth } from '../fmt.js';
import { loadPeriods, loadRequests, periodChoices, defaultPeriod, periodDeadline, periodSelect, isRequestCode,
  requestLabel } from '../periodpick.js';
import { stackTable } from '../table.js';
import { loadChart, chartDefaults } from '../chart.js';
import { thisMonthVN, fmtDay } from '../dates.js';

addMessages({
  vi: {
    'db.open': '{p}: chưa đến hạn ({d}), mới nhận {r}/{n} — số liệu tạm tính.',
    'db.openNoDue': '{p}: kỳ chưa kết thúc, mới nhận {r}/{n} — số liệu tạm tính.',
    'db.provisional': 'tạm tính', 'db.notDue': 'Chưa đến hạn: {n} đơn vị',
    'db.lateCount': 'Nộp muộn: {n}', 'db.missingCount': 'Chưa nộp: {n}',
    'db.from': '{v} (số liệu {p})', 'db.target': 'mục tiêu {t} đến {d}', 'db.forecast': 'dự báo {v}',
    'db.lead': 'Chủ trì: {x}', 'db.lateTimes': 'muộn {n} kỳ', 'db.missingTimes': 'chưa nộp {n} kỳ',
    'db.noneLate': 'Không có đơn vị nộp muộn hay chưa nộp.', 'db.notDueList': 'Chưa đến hạn ({d}):',
    'db.error': 'Không tải được số liệu của kỳ này.', 'db.periodsError': 'Không tải được lịch báo cáo của kế hoạch.',
    'db.ofPeriod': 'Kỳ {p}',
    'db.reqNoIndex': 'Yêu cầu báo cáo đột xuất và hằng tuần không tính vào chỉ số chuyển đổi số; dưới đây là tình hình nộp báo cáo.',
    'db.reqCancelled': 'Yêu cầu này đã hủy ngày {d}: {why}', 'db.reqCovers': 'Số liệu từ {a} đến {b}',
  },
  en: {
    'db.open': '{p}: not due yet ({d}), {r}/{n} received — provisional figures.',
    'db.openNoDue': '{p}: the period is not over, {r}/{n} received — provisional figures.',
    'db.provisional': 'provisional', 'db.notDue': 'Not due yet: {n} units',
    'db.lateCount': 'Late: {n}', 'db.missingCount': 'Missing: {n}',
    'db.from': '{v} (figure of {p})', 'db.target': 'target {t} by {d}', 'db.forecast': 'forecast {v}',
    'db.lead': 'Lead: {x}', 'db.lateTimes': 'late {n} times', 'db.missingTimes': 'missing {n} times',
    'db.noneLate': 'No unit late or missing.', 'db.notDueList': 'Not due yet ({d}):',
    'db.error': 'The figures of this period could not be loaded.', 'db.periodsError': 'The plan\'s reporting calendar could not be loaded.',
    'db.ofPeriod': 'Period {p}',
    'db.reqNoIndex': 'Ad-hoc and weekly requests do not count in the digital transformation index; below is who has reported.',
    'db.reqCancelled': 'This request was cancelled on {d}: {why}', 'db.reqCovers': 'Figures from {a} to {b}',
  },
});

const STATUS_CLASS = { met: 'met', on_track: 'ontrack', at_risk: 'risk', not_met: 'fail', no_data: 'nodata' };

// The month before this one, in Vietnam's time (dates.js).
function lastMonth() {
  const [y, m] = thisMonthVN().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function picker(plans, planId, period, choices) {
  const sel = h('select', { id: 'dash-plan', name: 'plan' },
    plans.map((p) => h('option', { value: p.id, selected: String(p.id) === String(planId) }, p.title || `#${p.id}`)));
  const per = periodSelect('dash-period', choices, period);
  const f = h('form', { class: 'card picker', id: 'dash-form' },
    h('div', { class: 'field' }, h('label', { for: 'dash-plan' }, t('dashboard.plan')), sel),
    h('div', { class: 'field' }, h('label', { for: 'dash-period' }, t('pp.period')), per),
    h('button', { type: 'submit', class: 'primary' }, t('dashboard.show')));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    // another plan has its own calendar: open it on its own default period
    const samePlan = String(sel.value) === String(planId);
    location.hash = samePlan ? `#/dashboard/${sel.value}/${encodeURIComponent(per.value)}` : `#/dashboard/${sel.value}`;
  });
  return f;
}

const status = (ind) => h('span', { class: 'status ' + (STATUS_CLASS[ind.status] || 'nodata') }, ind.status_label || ind.status);

// The figure of indicator I as shown for period P: "62%", and when it was
// reported for an earlier period "62% (số liệu T10)".
export function figure(i, p) {
  if (i.value === null || i.value === undefined) return '—';
  const v = value(i.value, i.target?.unit);
  return i.value_period && i.value_period !== p ? t('db.from', { v, p: periodShort(i.value_period, p) }) : v;
}

async function drawTrend(canvas, trend) {
  try {
    const Chart = chartDefaults(await loadChart());
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: trend.map((p) => periodName(p.period)),
        datasets: [{ label: t('dashboard.index'), data: trend.map((p) => p.index), borderColor: '#0b5cad',
          backgroundColor: '#0b5cad', spanGaps: true, tension: 0 }],
      },
      options: { responsive: true, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 1 } }, plugins: { legend: { display: false } } },
    });
  } catch { canvas.replaceWith(h('p', { class: 'muted' }, t('dashboard.noChart'))); }
}

// The units late, missing, and not yet due, by name.
function lateUnits(c) {
  const orgs = c.orgs || [];
  const st = (o) => o.timeliness?.status;
  const agg = Array.isArray(c.parts);          // a quarter, half or year: counts per org
  const late = orgs.filter((o) => (agg ? o.late > 0 : st(o) === 'late'));
  const missing = orgs.filter((o) => (agg ? o.missing > 0 : st(o) === 'missing'));
  const notDue = orgs.filter((o) => st(o) === 'not_due');
  const out = [];
  if (late.length || missing.length) {
    out.push(h('ul', { id: 'dash-late' },
      late.map((o) => h('li', {}, h('span', { class: 'status risk' },
        agg ? t('db.lateTimes', { n: o.late }) : t('dashboard.lateOne', { n: o.timeliness.late_days ?? '' })), ' ', o.org)),
      missing.map((o) => h('li', {}, h('span', { class: 'status fail' },
        agg ? t('db.missingTimes', { n: o.missing }) : t('dashboard.missingOne')), ' ', o.org))));
  } else if (!notDue.length) {
    out.push(h('p', { class: 'muted', id: 'dash-late' }, orgs.length ? t('dashboard.allIn') : t('db.noneLate')));
  } else {
    out.push(h('p', { class: 'muted', id: 'dash-late' }, t('db.noneLate')));
  }
  if (notDue.length) {
    out.push(h('p', { id: 'dash-notdue-list' }, t('db.notDueList', { d: dayMonth(c.unit_deadline) }), ' ',
      notDue.map((o) => o.org).join(', ')));
  }
  return out;
}

async function drawGroups(canvas, groups) {
  try {
    const Chart = chartDefaults(await loadChart());
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: groups.map((g) => g.name),
        datasets: [{ label: t('dashboard.groupIndex'), data: groups.map((g) => g.index), backgroundColor: '#0b5cad' }],
      },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } },
    });
  } catch { canvas.replaceWith(h('p', { class: 'muted' }, t('dashboard.noChart'))); }
}

// One at-risk row: "1.1 Tỷ lệ phủ sóng 5G trên dân số: 62% (T10) · mục tiêu
// ≥ 70% đến 31/12 · dự báo 66% · Chủ trì: Phòng VH-XH", a link to the
// indicator's page.
function riskRow(i, s, planId, leads) {
  const parts = [];
  const v = i.value === null || i.value === undefined ? '—'
    : `${value(i.value, i.target?.unit)}${i.value_period ? ` (${periodShort(i.value_period, s.period)})` : ''}`;
  parts.push(`${i.code} ${i.name}: ${v}`);
  if (i.target) parts.push(t('db.target', { t: target(i.target), d: dayMonth(i.due) }));
  if (i.forecast !== null && i.forecast !== undefined) parts.push(t('db.forecast', { v: approx(i.forecast, i.target?.unit) }));
  if (leads && leads.length) parts.push(t('db.lead', { x: leads.join(', ') }));
  return h('li', {}, h('a', { href: `#/indicator/${planId}/${i.id}/${s.period}`, class: 'risk-row' },
    h('span', { class: 'status risk' }, i.status_label || t('status.risk')), ' ', parts.join(' · ')));
}

export async function render(main, ctx) {
  const { plans } = await get('/api/v1/plans');
  if (!plans.length) {
    mount(main, h('h1', {}, t('dashboard.title')), h('p', { class: 'muted' }, t('plan.none')));
    return;
  }
  const planId = ctx.args[0] || plans[0].id;
  let periods = [];
  let periodsError = null;
  try { periods = await loadPeriods(planId); } catch (e) { periodsError = e; }
  const requests = await loadRequests(planId);
  const period = ctx.args[1] || defaultPeriod(periods) || lastMonth();
  const choices = periodChoices(periods, new Date(), requests);
  const head = [h('h1', {}, t('dashboard.title')), picker(plans, planId, period, choices)];
  if (periodsError) head.push(h('p', { class: 'error', role: 'alert' }, `${t('db.periodsError')} ${periodsError.message}`));
  if (isRequestCode(period)) {
    await renderRequest(main, head, planId, period, requests.find((r) => r.code === period));
    return;
  }
  let s, planDoc = null;
  try {
    [s, planDoc] = await Promise.all([
      get(`/api/v1/plans/${encodeURIComponent(planId)}/score/${encodeURIComponent(period)}`),
      get(`/api/v1/plans/${encodeURIComponent(planId)}`).catch(() => null),
    ]);
  } catch (e) {
    if (e.status === 401) throw e;
    mount(main, ...head, h('p', { class: 'error', role: 'alert', id: 'dash-error' }, e.message || t('db.error')));
    return;
  }
  const leadsOf = (code) => ((planDoc?.indicators || []).find((x) => x.code === code)?.lead) || [];
  const groups = (s.groups || []).filter((g) => g.index !== null);
  const canvas = h('canvas', { id: 'dash-groups', 'aria-label': t('dashboard.groups'), role: 'img' });
  const trend = (s.trend || []).filter((p) => p.index !== null);
  const trendCanvas = h('canvas', { id: 'dash-trend', 'aria-label': t('dashboard.trend'), role: 'img' });
  const c = s.completeness || {};
  const deadline = c.unit_deadline || periodDeadline(periods, s.period);
  const left = daysLeft(deadline);
  const open = left !== null && left >= 0;
  const notDue = (c.orgs || []).filter((o) => o.timeliness?.status === 'not_due').length;
  const risky = (s.indicators || []).filter((i) => i.status === 'at_risk');
  mount(main, ...head,
    open ? h('p', { class: 'banner', id: 'dash-open', role: 'status' },
      t('db.open', { p: periodName(s.period), d: dayMonth(deadline), r: c.received ?? 0, n: c.expected ?? 0 })) : null,
    h('section', { class: 'cards-row', 'aria-label': t('dashboard.summary') },
      h('ul', { class: 'cards' },
        h('li', {}, h('p', { class: 'muted' }, `${t('dashboard.index')} (${periodName(s.period)})`),
          h('p', { class: 'big', id: 'dash-index' }, index(s.total?.index),
            open ? h('span', { class: 'provisional' }, ` (${t('db.provisional')})`) : null),
          h('p', { class: 'muted' }, t('dashboard.counted', { n: s.total?.counted ?? 0, m: s.total?.nodata ?? 0 }))),
        h('li', {}, h('p', { class: 'muted' }, t('dashboard.reports')),
          h('p', { class: 'big', id: 'dash-received' }, `${c.received ?? 0}/${c.expected ?? 0}`),
          h('p', { class: 'muted', id: 'dash-counts' }, [
            t('db.lateCount', { n: c.late ?? 0 }), t('db.missingCount', { n: c.missing ?? 0 }),
            notDue ? t('db.notDue', { n: notDue }) : null].filter(Boolean).join(' · '))))),
    h('h2', {}, t('dashboard.atRisk')),
    risky.length
      ? h('ul', { id: 'dash-risk', class: 'risk-list' }, risky.map((i) => riskRow(i, s, planId, leadsOf(i.code))))
      : h('p', { class: 'muted' }, t('dashboard.none')),
    h('h2', {}, t('dashboard.lateTitle')),
    lateUnits(c),
    h('h2', {}, t('dashboard.trend')),
    trend.length > 1
      ? [h('div', { class: 'chart chart-trend' }, trendCanvas),
        h('details', {}, h('summary', {}, t('dashboard.trendTable')),
          stackTable([t('dashboard.periodCol'), t('dashboard.index')], trend.map((p) => [periodName(p.period), index(p.index)]),
            { num: [1] }))]
      : h('p', { class: 'muted', id: 'dash-trend-none' }, t('dashboard.trendNone')),
    h('h2', {}, t('dashboard.groups')),
    groups.length ? h('div', { class: 'chart' }, canvas) : h('p', { class: 'muted' }, t('dashboard.empty')),
    h('h2', {}, t('plan.indicators')),
    stackTable([t('plan.code'), t('plan.name'), t('dashboard.value'), t('dashboard.achievement'), t('dashboard.status')],
      (s.indicators || []).map((i) => [indicatorLink(planId, s.period, i), i.name, figure(i, s.period), pct(i.achievement), status(i)]),
      { id: 'dash-indicators', num: [2, 3] }),
    h('h2', {}, t('rankings.title')),
    stackTable([t('public.rank'), t('public.name'), t('dashboard.onTime'), t('dashboard.achievement')],
      (s.ranking || []).map((r) => [r.rank, r.org, pct(r.on_time_rate), pct(r.achievement)]),
      { id: 'dash-ranking', num: [0, 2, 3] }));
  const dl = await exportControl(ctx, planId, period);  // "Tải báo cáo" (export.js)
  if (dl) (main.querySelector('.cards-row') || main.lastChild).after(dl);
  if (groups.length) await drawGroups(canvas, groups);
  if (trend.length > 1) await drawTrend(trendCanvas, trend);
}

// A link to indicator I's page for period P, showing its code.
function indicatorLink(planId, p, i) {
  if (!i.id) return i.code;
  return h('a', { href: `#/indicator/${planId}/${i.id}/${p}`, 'aria-label': `${i.code} — ${i.name}` }, i.code);
}

// The dashboard of a request (ad hoc or weekly): its name and deadline, who
// it asks, who has reported, on time or late; no index (docs/scoring.md).
async function renderRequest(main, head, planId, code, req) {
  let c;
  try {
    c = await get(`/api/v1/plans/${encodeURIComponent(planId)}/completeness/${encodeURIComponent(code)}`);
  } catch (e) {
    if (e.status === 401) throw e;
    mount(main, ...head, h('p', { class: 'error', role: 'alert', id: 'dash-error' }, e.message || t('db.error')));
    return;
  }
  const name = req ? requestLabel(req) : (c.request?.name || code);
  const left = daysLeft(c.unit_deadline);
  const notDue = (c.orgs || []).filter((o) => o.timeliness?.status === 'not_due').length;
  const cancelled = c.request?.cancelled;
  mount(main, ...head,
    h('h2', { id: 'dash-request' }, name),
    req ? h('p', { class: 'muted' }, t('db.reqCovers', { a: req.start, b: req.end })) : null,
    cancelled ? h('p', { class: 'banner', id: 'dash-cancelled', role: 'status' },
      t('db.reqCancelled', { d: fmtDay(c.request.cancelled_at), why: c.request.cancel_reason || '' })) : null,
    !cancelled && left !== null && left >= 0 ? h('p', { class: 'banner', id: 'dash-open', role: 'status' },
      t('db.open', { p: c.request?.name || code, d: dayMonth(c.unit_deadline), r: c.received ?? 0, n: c.expected ?? 0 })) : null,
    h('p', { class: 'muted', id: 'dash-noindex' }, t('db.reqNoIndex')),
    h('section', { class: 'cards-row', 'aria-label': t('dashboard.summary') },
      h('ul', { class: 'cards' },
        h('li', {}, h('p', { class: 'muted' }, t('dashboard.reports')),
          h('p', { class: 'big', id: 'dash-received' }, `${c.received ?? 0}/${c.expected ?? 0}`),
          h('p', { class: 'muted', id: 'dash-counts' }, [
            t('db.lateCount', { n: c.late ?? 0 }), t('db.missingCount', { n: c.missing ?? 0 }),
            notDue ? t('db.notDue', { n: notDue }) : null].filter(Boolean).join(' · '))))),
    h('h2', {}, t('dashboard.lateTitle')),
    lateUnits(c));
}
