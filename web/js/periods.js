// periods.js — what My work and Review share: period codes (2026-03,
// 2026-Q1, 2026-H1, 2026), deadlines counted down in Vietnam time, unit
// names compared loosely, and the report's REST path.
import { t } from './i18n.js';

// The month that is open now (Vietnam time), "2026-11".
export function currentMonth(now = new Date()) {
  const d = new Date(now.getTime() + 7 * 3600 * 1000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// The period before P of the same kind, or null for a code it cannot read.
export function previousPeriod(p) {
  let m;
  if ((m = /^(\d{4})-(\d{2})$/.exec(p))) {
    const y = +m[1], mo = +m[2];
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(p))) return +m[2] === 1 ? `${+m[1] - 1}-Q4` : `${m[1]}-Q${+m[2] - 1}`;
  if ((m = /^(\d{4})-H([12])$/.exec(p))) return m[2] === '1' ? `${+m[1] - 1}-H2` : `${m[1]}-H1`;
  if ((m = /^(\d{4})$/.exec(p))) return String(+m[1] - 1);
  return null;
}

// Days from today (Vietnam) to the deadline "dd/mm/yyyy": positive ahead,
// negative past it, null when it cannot be read.
export function daysLeft(deadline, now = new Date()) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(deadline || '');
  if (!m) return null;
  const due = Date.UTC(+m[3], +m[2] - 1, +m[1]);
  const vn = new Date(now.getTime() + 7 * 3600 * 1000);
  const today = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate());
  return Math.round((due - today) / 86400000);
}

// "còn 5 ngày" / "hết hạn hôm nay" / "trễ 3 ngày".
export function countdown(deadline) {
  const n = daysLeft(deadline);
  if (n === null) return '';
  if (n > 0) return t('due.left', { n });
  if (n === 0) return t('due.today');
  return t('due.late', { n: -n });
}

// A unit's name folded for comparison: no accents, no case, no punctuation,
// no trailing "xã" ("Phòng Kinh tế xã" and "Phòng Kinh tế" are one unit).
export function foldName(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd')
    .toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().replace(/\s+xa$/, '');
}

export function sameUnit(a, b) {
  const x = foldName(a), y = foldName(b);
  return x !== '' && x === y;
}

export function reportPath(plan, org, period, rest = '') {
  return `/api/v1/plans/${encodeURIComponent(plan)}/reports/${encodeURIComponent(org)}/${encodeURIComponent(period)}${rest}`;
}

// A percent rate: the indicator's name says so ("Tỷ lệ …"), or an earlier
// report gave it a numerator.
export function isRate(ind, earlier) {
  if (earlier && earlier.numerator !== null && earlier.numerator !== undefined) return true;
  return /^t[ỷỉ] l[ệe]/i.test((ind && ind.name) || '');
}

// A target written as text (no figure): answered met yes/no.
export function isTextTarget(ind) {
  const ts = (ind && ind.targets) || [];
  return ts.length > 0 && ts.every((x) => x.value === null || x.value === undefined);
}
