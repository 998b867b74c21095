// dates.js — every date and time the UI shows, in Vietnam's time
// (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving; docs/calendar.md).
//
// The server stores instants in UTC ("2026-12-06T17:41:00Z") and calendar
// days as "2026-12-07". An instant is shifted by +7 h before its day and
// time are read, so a report submitted at 00:41 on 07/12 in Vietnam shows
// "07/12/2026 00:41", not the UTC day 06/12. Plain arithmetic, no time zone
// database: it gives the same answer in any browser and on any machine.
// A calendar day (no time part) is shown as it is: it is already Vietnam's.

export const VN_OFFSET_MS = 7 * 3600 * 1000;

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n) => String(n).padStart(2, '0');

// The Vietnamese wall clock of X (an ISO instant string, a Date or ms) as
// {y, m, d, hh, mm}, or null when X is not an instant.
export function vnParts(x) {
  const ms = x instanceof Date ? x.getTime() : typeof x === 'number' ? x : Date.parse(x);
  if (!Number.isFinite(ms)) return null;
  const v = new Date(ms + VN_OFFSET_MS);
  return { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate(), hh: v.getUTCHours(), mm: v.getUTCMinutes() };
}

// "dd/mm/yyyy" of a calendar day ("2026-04-08") or of an instant in
// Vietnam; "—" for nothing; other text as it is.
export function fmtDay(x) {
  if (x === null || x === undefined || x === '') return '—';
  if (typeof x === 'string') {
    const m = DAY_ONLY.exec(x);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    if (!/T\d\d:\d\d/.test(x)) return x;
  }
  const p = vnParts(x);
  return p ? `${pad(p.d)}/${pad(p.m)}/${p.y}` : String(x);
}

// "dd/mm/yyyy HH:MM" of an instant in Vietnam (submitted, returned,
// approved, published); a calendar day alone prints as fmtDay.
export function fmtDateTime(x) {
  if (typeof x === 'string' && !/T\d\d:\d\d/.test(x)) return fmtDay(x);
  const p = vnParts(x);
  if (!p) return fmtDay(x);
  return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
}

// Today in Vietnam as "yyyy-mm-dd" (NOW: ms, default the browser's clock).
export function todayVN(now = Date.now()) {
  const p = vnParts(now);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

// This month in Vietnam as "yyyy-mm".
export function thisMonthVN(now = Date.now()) {
  return todayVN(now).slice(0, 7);
}
