// periods.js — what My work and Review share: period codes (2026-03,
// 2026-Q1, 2026-H1, 2026) and their names ("Tháng 3/2026", "Quý I/2026",
// "6 tháng đầu năm 2026", "Năm 2026"), deadlines counted down in Vietnam
// time, and the report's REST path. The server says which periods a unit
// owes and how many days are left (GET /plans/:id/assignments/:org); this
// file only words them.
import { t, getLang } from './i18n.js';
import { thisMonthVN, todayVN } from './dates.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

// The name of a period code in the current language: "Tháng 10/2026",
// "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026" (English: "October
// 2026", "Q4 2026", "First half of 2026", "Year 2026"); an unknown code as it is.
export function periodLabel(code) {
  let m;
  const s = String(code || '');
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const mo = +m[2];
    if (mo < 1 || mo > 12) return s;
    const name = getLang() === 'en'
      ? new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], mo - 1, 1))) : '';
    return t('period.month', { m: mo, name, y: m[1] });
  }
  if ((m = /^(\d{4})-[Qq]([1-4])$/.exec(s))) return t('period.quarter', { q: m[2], r: ROMAN[+m[2] - 1], y: m[1] });
  if ((m = /^(\d{4})-[Hh]([12])$/.exec(s))) return t(m[2] === '1' ? 'period.half1' : 'period.half2', { y: m[1] });
  if ((m = /^(\d{4})$/.exec(s))) return t('period.year', { y: m[1] });
  // requests (app/plan/request.h): an ISO week, an ad-hoc report by its number
  if ((m = /^(\d{4})-W(\d{2})$/.exec(s))) return t('period.week', { w: +m[2], y: m[1] });
  if ((m = /^(\d{4})-D(\d{2})$/.exec(s))) return t('period.adhoc', { n: +m[2], y: m[1] });
  return s;
}

// "còn 5 ngày" / "hết hạn hôm nay" / "quá hạn 3 ngày" for N days left
// (negative: past the deadline); '' for null (no deadline).
export function countdownDays(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  if (n > 0) return t('due.left', { n });
  if (n === 0) return t('due.today');
  return t('due.late', { n: -n });
}

// The colour of a countdown: overdue, three days or less, else on track.
export function countdownClass(n) {
  if (n === null || n === undefined) return 'nodata';
  return n < 0 ? 'fail' : n <= 3 ? 'risk' : 'ontrack';
}

// The month that is open now (Vietnam time), "2026-11".
export function currentMonth(now = new Date()) {
  return thisMonthVN(now.getTime());
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
  const [y, mo, d] = todayVN(now.getTime()).split('-').map(Number);
  const today = Date.UTC(y, mo - 1, d);
  return Math.round((due - today) / 86400000);
}

// The countdown to a deadline "dd/mm/yyyy" counted here (countdownDays).
export function countdown(deadline) {
  return countdownDays(daysLeft(deadline));
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
