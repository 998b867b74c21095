// periodpick.js — the period the dashboard, rankings and reports open on,
// and the list of periods to choose from, by name.
//
// The list (periodChoices) is the plan's calendar (GET /plans/:id/periods:
// code, kind, dates, the units' deadline) and, over it, every quarter,
// half-year and year its periods fall in: the server folds the months of a
// quarter by each indicator's aggregation rule (app/scoring.h). Only periods
// that have begun are offered, newest first, grouped by kind.
//
// After them, in their own group, the ad-hoc and weekly requests the plan
// opened (GET /plans/:id/requests, app/plan/request.h) that have begun and
// are open or recent — not cancelled, deadline to come or passed within
// REQUEST_RECENT_DAYS — by name and deadline ("Yêu cầu đột xuất: …, hạn
// 12/12/2026", "Báo cáo tuần 49/2026, hạn 08/12/2026"), newest deadline
// first. A request is never the default: the index passes requests by.
//
// The default (defaultPeriod) is the latest calendar period whose units'
// deadline has passed (Vietnam time): a month still open has few reports in,
// and its figures would look final when they are not. Before any deadline
// has passed, the first period of the calendar.
import { h } from './dom.js';
import { t, addMessages } from './i18n.js';
import { periodLabel, daysLeft } from './periods.js';
import { get } from './api.js';

addMessages({
  vi: { 'pp.month': 'Tháng', 'pp.quarter': 'Quý', 'pp.half': '6 tháng', 'pp.year': 'Năm', 'pp.period': 'Kỳ báo cáo',
    'pp.request': 'Yêu cầu báo cáo đột xuất và hằng tuần',
    'pp.reqAdhoc': 'Yêu cầu đột xuất: {title}, hạn {d}', 'pp.reqWeek': 'Báo cáo tuần {w}/{y}, hạn {d}' },
  en: { 'pp.month': 'Months', 'pp.quarter': 'Quarters', 'pp.half': 'Half-years', 'pp.year': 'Years', 'pp.period': 'Reporting period',
    'pp.request': 'Ad-hoc and weekly requests',
    'pp.reqAdhoc': 'Ad-hoc request: {title}, due {d}', 'pp.reqWeek': 'Weekly report {w}/{y}, due {d}' },
});

const KINDS = ['month', 'quarter', 'half', 'year', 'request'];
export const REQUEST_RECENT_DAYS = 62;

// A request's code: "2026-W49" (a week), "2026-D01" (ad hoc).
export const isRequestCode = (code) => /^\d{4}-[WD]\d{2}$/.test(String(code || ''));

function kindOf(code) {
  if (/^\d{4}-\d{2}$/.test(code)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(code)) return 'quarter';
  if (/^\d{4}-H[12]$/.test(code)) return 'half';
  if (/^\d{4}$/.test(code)) return 'year';
  if (isRequestCode(code)) return 'request';
  return null;
}

// "dd/mm/yyyy" → a sortable "yyyy-mm-dd" ('' for none).
const iso = (d) => { const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d || ''); return m ? `${m[3]}-${m[2]}-${m[1]}` : ''; };

// The periods of the plan's calendar (the answer of GET /plans/:id/periods).
export async function loadPeriods(planId) {
  const r = await get(`/api/v1/plans/${encodeURIComponent(planId)}/periods`);
  return r.periods || [];
}

// The plan's requests (GET /plans/:id/requests); [] when they cannot be read
// (the picker stays with the calendar's periods).
export async function loadRequests(planId) {
  try {
    const r = await get(`/api/v1/plans/${encodeURIComponent(planId)}/requests`);
    return r.requests || [];
  } catch (e) {
    if (e.status === 401) throw e;
    return [];
  }
}

// A request's name in the picker: "Yêu cầu đột xuất: TITLE, hạn 12/12/2026".
export function requestLabel(r) {
  const m = /^(\d{4})-W(\d{2})$/.exec(r.code || '');
  return m ? t('pp.reqWeek', { w: +m[2], y: m[1], d: r.unit_due || '—' })
    : t('pp.reqAdhoc', { title: r.title || r.code, d: r.unit_due || '—' });
}

// Today in Vietnam as "yyyy-mm-dd".
function todayVN(now = new Date()) {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

// Every period to offer: [{code, kind, name, calendar, due}] newest first,
// then REQUESTS (plans_request_list's answer) open or recent.
export function periodChoices(periods, now = new Date(), requests = []) {
  const today = todayVN(now);
  const out = new Map();
  for (const p of periods) {
    const k = kindOf(p.code);
    if (!k || (iso(p.start) && iso(p.start) > today)) continue;
    out.set(p.code, { code: p.code, kind: k, calendar: true, due: p.unit_due || null });
    const m = /^(\d{4})-(\d{2})$/.exec(p.code);
    if (!m) continue;
    const y = m[1], mo = +m[2];
    for (const c of [`${y}-Q${Math.ceil(mo / 3)}`, `${y}-H${mo <= 6 ? 1 : 2}`, y]) {
      if (!out.has(c)) out.set(c, { code: c, kind: kindOf(c), calendar: false, due: null });
    }
  }
  const order = (c) => {
    const y = c.slice(0, 4), k = kindOf(c);
    const end = k === 'month' ? +c.slice(5) : k === 'quarter' ? +c.slice(6) * 3 : k === 'half' ? +c.slice(6) * 6 : 12;
    return `${y}-${String(end).padStart(2, '0')}`;
  };
  const regular = [...out.values()].map((x) => ({ ...x, name: periodLabel(x.code) }))
    .sort((a, b) => (order(b.code) < order(a.code) ? -1 : order(b.code) > order(a.code) ? 1 : 0));
  const recent = new Date(Date.parse(today + 'T00:00:00Z') - REQUEST_RECENT_DAYS * 86400000).toISOString().slice(0, 10);
  const reqs = (requests || []).filter((r) => !r.cancelled && isRequestCode(r.code) && r.start_iso && r.start_iso <= today &&
      (!r.unit_due_iso || r.unit_due_iso >= recent))
    .sort((a, b) => String(b.unit_due_iso || '').localeCompare(String(a.unit_due_iso || '')) || String(b.code).localeCompare(String(a.code)))
    .map((r) => ({ code: r.code, kind: 'request', calendar: false, due: r.unit_due || null, name: requestLabel(r), request: r }));
  return [...regular, ...reqs];
}

// The period to open on (see the top of this file); null without periods.
export function defaultPeriod(periods, now = new Date()) {
  const passed = periods.filter((p) => p.unit_due && daysLeft(p.unit_due, now) < 0);
  const pick = (list) => list.reduce((a, b) => (iso(b.end) > iso(a.end) ? b : a));
  if (passed.length) return pick(passed).code;
  return periods.length ? periods[0].code : null;
}

// The units' deadline of period CODE as the calendar gives it; for a
// quarter, half-year or year it has not, that of its last calendar period.
export function periodDeadline(periods, code) {
  const own = periods.find((p) => p.code === code);
  if (own) return own.unit_due || null;
  const k = kindOf(code);
  if (!k) return null;
  const y = code.slice(0, 4);
  const last = k === 'year' ? 12 : k === 'half' ? +code.slice(6) * 6 : +code.slice(6) * 3;
  const first = k === 'year' ? 1 : k === 'half' ? last - 5 : last - 2;
  const inside = periods.filter((p) => {
    const m = /^(\d{4})-(\d{2})$/.exec(p.code);
    return m && m[1] === y && +m[2] >= first && +m[2] <= last;
  });
  return inside.length ? inside[inside.length - 1].unit_due || null : null;
}

// A <select id=ID> of CHOICES grouped by kind, CURRENT selected (added
// when it is not among them, so a typed address still shows what it shows).
export function periodSelect(id, choices, current) {
  const list = choices.some((c) => c.code === current) || !current
    ? choices : [{ code: current, kind: kindOf(current) || 'month', name: periodLabel(current) }, ...choices];
  return h('select', { id, name: 'period' }, KINDS.map((k) => {
    const of = list.filter((c) => c.kind === k);
    return of.length ? h('optgroup', { label: t('pp.' + k) },
      of.map((c) => h('option', { value: c.code, selected: c.code === current }, c.name))) : null;
  }));
}
