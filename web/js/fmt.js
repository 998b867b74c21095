// fmt.js — numbers and names as Vietnamese reports write them, one module
// for every screen (the public page too):
//   pct(0.885714)        → "89%"       achievement, rates: whole percent,
//   pct(0.666667)        → "66,7%"     one decimal when it is not whole,
//   pctOf(14, 14)        → "100% (14/14)"
//   index(0.70712)       → "0,7071"    the DTI index with the 4 decimals the
//                                      province publishes,
//   value(62, '%')       → "62%"       a reported figure with its unit,
//   periodName('2026-10')→ "Tháng 10/2026" (periods.js names every kind),
//   periodShort('2026-10', '2026-11') → "T10": the month a figure came from,
//                                      beside the period shown,
//   dayMonth('15/12/2026') → "15/12".
// Decision: a percentage keeps one decimal only when rounding to a whole
// number would hide a difference people argue about (66,7% vs 67%); 100%
// is never printed for less than 100% (99,96% → "99,9%"), so "đạt 100%"
// always means met.
import { fmtNum, getLang } from './i18n.js';
import { periodLabel } from './periods.js';

const none = (x) => x === null || x === undefined || Number.isNaN(x);

// A number of DIGITS decimals at most, trailing zeros dropped ("66,7", "62").
function num(x, digits) {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(x);
}

// A fraction 0..1 as a percentage: "89%", "66,7%"; "—" for none.
export function pct(x) {
  if (none(x)) return '—';
  let p = Math.round(x * 1000) / 10;
  if (p >= 100 && x < 1) p = Math.floor(x * 1000) / 10;
  return `${num(p, 1)}%`;
}

// PART of WHOLE as "100% (14/14)"; "—" when WHOLE is 0 or unknown.
export function pctOf(part, whole) {
  if (none(part) || none(whole) || !whole) return '—';
  return `${pct(part / whole)} (${part}/${whole})`;
}

// The plan's index: "0,7071"; "—" for none.
export function index(x) {
  return none(x) ? '—' : fmtNum(x, 4);
}

// A reported figure with its unit: "62%", "3 người/thôn", "8"; "—" for none.
export function value(x, unit) {
  if (none(x)) return '—';
  if (typeof x === 'boolean') return x ? (getLang() === 'en' ? 'yes' : 'có') : (getLang() === 'en' ? 'no' : 'không');
  if (unit === '%') return `${num(x, 1)}%`;
  const n = num(x, 2);
  return unit ? `${n} ${unit}` : n;
}

// A forecast or other computed figure: whole from 10 up ("66%"), else to
// two decimals ("0,95%"), so that rounding never lands on the target.
export function approx(x, unit) {
  if (none(x)) return '—';
  return value(Math.abs(x) >= 10 ? Math.round(x) : Math.round(x * 100) / 100, unit);
}

// A target as "≥ 70%": its operator as a sign and its value with the unit.
export function target(tg) {
  if (!tg) return '';
  if (tg.value === null || tg.value === undefined) return tg.text || '';
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }[tg.op] || '';
  return `${op} ${value(tg.value, tg.unit)}`.trim();
}

export const periodName = periodLabel;

// The short name of period CODE seen from period SHOWN: "T10" for a month
// of the same year, "T12/2025" for another year, else the full name.
export function periodShort(code, shown) {
  const m = /^(\d{4})-(\d{2})$/.exec(code || '');
  if (!m) return periodLabel(code);
  const sameYear = String(shown || '').slice(0, 4) === m[1];
  const mo = getLang() === 'en' ? `M${+m[2]}` : `T${+m[2]}`;
  return sameYear ? mo : `${mo}/${m[1]}`;
}

// "15/12/2026" → "15/12"; other text as it is.
export function dayMonth(d) {
  const m = /^(\d{2})\/(\d{2})\/\d{4}$/.exec(d || '');
  return m ? `${m[1]}/${m[2]}` : (d || '');
}
