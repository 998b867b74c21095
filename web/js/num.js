// num.js — numbers as Vietnamese users write them: the browser's copy of the
// server's parser (src/base/num.h is the contract; docs/reports.md "Cách viết
// số" for users). tests/data/num_cases.tsv is read by both test suites
// (tests/unit/test_num.c and tests/api/num.test.mjs) so that the two agree.
//   "2.100" = 2100 (a point between thousands), "2,5" = 2.5 (decimal comma),
//   "1.234,5", "2 100"; a single "." not followed by exactly three digits is
//   a decimal point ("2.5", "0.75"); a trailing "%".
// Refused: exponents, hexadecimal, inf/nan, "1,234.5", bad grouping, more
// than 15 significant digits or 9 decimals; and, by check(), a number whose
// Vietnamese reading does not fit the field while the other reading would.
import { t, addMessages } from './i18n.js';

export const DIGITS_MAX = 15;
export const DECIMALS_MAX = 9;
export const ABS_MAX = 1e15;
export const COUNT_MAX = 1e12;
const TEXT_MAX = 64;

addMessages({
  vi: {
    'num.long': 'số dài quá {n} ký tự',
    'num.percentEnd': '"{s}": dấu % chỉ được ở cuối số',
    'num.before': '"{s}": thiếu chữ số trước dấu {m} (viết 0,5 chứ không viết ,5)',
    'num.after': '"{s}": thiếu chữ số sau dấu {m}',
    'num.exp': '"{s}": không nhận số mũ (1e5): viết đủ các chữ số',
    'num.hex': '"{s}": không nhận số hệ 16: viết số thập phân',
    'num.nan': '"{s}" không phải là số (chỉ gồm chữ số, dấu chấm phân cách hàng nghìn, dấu phẩy thập phân: 1.234,5)',
    'num.none': '"{s}": không có chữ số nào',
    'num.commas': '"{s}": có {n} dấu phẩy; dấu phẩy là dấu thập phân (chỉ một), hàng nghìn cách bằng dấu chấm: 1.234.567',
    'num.english': '"{s}": dấu phẩy là dấu thập phân nên phải đứng sau cùng; cách viết tiếng Anh 1,234.5 hãy viết 1.234,5 hoặc 1234.5',
    'num.mixed': '"{s}": hàng nghìn cách bằng cả dấu chấm lẫn dấu cách: chọn một',
    'num.groups': '"{s}": các dấu phân cách hàng nghìn phải cách nhau đúng 3 chữ số (1.234.567)',
    'num.decimals': '"{s}": quá {n} chữ số thập phân',
    'num.digits': '"{s}": quá {n} chữ số có nghĩa',
    'num.big': '"{s}" lớn quá (tối đa {max})',
    'num.small': '"{s}" nhỏ quá (dưới 0,000000001)',
    'num.negative': '"{s}": số liệu không được âm',
    'num.countPercent': '"{s}": đây là số đếm, không phải tỷ lệ %',
    'num.whole': '"{s}": số đếm phải là số nguyên',
    'num.countBig': '"{s}": số đếm lớn quá (tối đa {max})',
    'num.rate': '"{s}": tỷ lệ phải từ 0 đến 100 (đã đọc là {v})',
    'num.level': '"{s}": mức đạt của mục tiêu định tính là từ 0 đến 1 (1 = đạt, 0,5 = đạt một nửa)',
    'num.ambiguous': '"{s}" không rõ: theo cách viết Việt Nam là {v} (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân), không hợp ở đây; nếu ý là {a}, hãy viết {plain}',
    'num.read': 'Đọc là: {v}',
    'num.point': 'chấm', 'num.comma': 'phẩy', 'num.space': 'cách',
  },
  en: {
    'num.long': 'a number is over {n} characters',
    'num.percentEnd': '"{s}": a % sign may only end the number',
    'num.before': '"{s}": no digit before the {m} (write 0,5, not ,5)',
    'num.after': '"{s}": no digit after the {m}',
    'num.exp': '"{s}": no exponents (1e5): write the digits out',
    'num.hex': '"{s}": no hexadecimal: write a decimal number',
    'num.nan': '"{s}" is not a number (digits, a point between thousands, a decimal comma: 1.234,5)',
    'num.none': '"{s}": no digits',
    'num.commas': '"{s}": {n} commas; the comma is the decimal mark (one only), thousands are separated by points: 1.234.567',
    'num.english': '"{s}": the comma is the decimal mark and must come last; for the English 1,234.5 write 1.234,5 or 1234.5',
    'num.mixed': '"{s}": thousands are separated by both points and spaces: use one',
    'num.groups': '"{s}": thousands marks must be exactly 3 digits apart (1.234.567)',
    'num.decimals': '"{s}": over {n} decimals',
    'num.digits': '"{s}": over {n} significant digits',
    'num.big': '"{s}" is too large (at most {max})',
    'num.small': '"{s}" is too small (below 0.000000001)',
    'num.negative': '"{s}": a figure cannot be negative',
    'num.countPercent': '"{s}": this is a count, not a percent',
    'num.whole': '"{s}": a count must be a whole number',
    'num.countBig': '"{s}": the count is too large (at most {max})',
    'num.rate': '"{s}": a rate must be 0 to 100 (read as {v})',
    'num.level': '"{s}": the level of a text target is 0 to 1 (1 = met, 0,5 = half)',
    'num.ambiguous': '"{s}" is ambiguous: the Vietnamese way it reads {v} (point between thousands, decimal comma), which does not fit here; if you meant {a}, write {plain}',
    'num.read': 'Read as: {v}',
    'num.point': 'point', 'num.comma': 'comma', 'num.space': 'space',
  },
});

const BLANK = /^[ \t\u00a0\u202f\u2009]/;

// V with at most MAXDEC decimals, "." between thousands when GROUP, "," as
// the decimal mark, trailing zeros dropped ("2.100", "2,5", "-1.234,56").
export function format(v, maxdec = 9, group = true) {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e18) return '?';
  let raw = Math.abs(v).toFixed(Math.max(0, Math.min(9, maxdec)));
  let [ip, fp = ''] = raw.split('.');
  fp = fp.replace(/0+$/, '');
  const zero = /^0*$/.test(ip) && fp === '';
  if (group) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (v < 0 && !zero ? '-' : '') + ip + (fp ? ',' + fp : '');
}

// Read S: {has: false} when blank, else {has: true, value, hasAlt, alt,
// decimals, grouped, percent, negative, text}; {error: message} when S is
// not in the syntax.
export function parse(s) {
  s = String(s ?? '');
  s = s.replace(/^[ \t\u00a0\u202f\u2009]+/, '').replace(/[ \t\r\n\u00a0\u202f\u2009]+$/, '');
  if (s === '') return { has: false };
  if (new TextEncoder().encode(s).length > TEXT_MAX) return { error: t('num.long', { n: TEXT_MAX }) };
  const fail = (k, vars = {}) => ({ error: t(k, { s, ...vars }) });
  const r = { has: true, value: 0, hasAlt: false, alt: 0, decimals: 0, grouped: false, percent: false, negative: false, text: s };
  let i = 0;
  if (s[0] === '-' || s[0] === '+') { r.negative = s[0] === '-'; i = 1; } else if (s[0] === '\u2212') { r.negative = true; i = 1; }
  const groups = []; // {digits, sep}
  let inGroup = false;
  const markName = (c) => t(c === '.' ? 'num.point' : c === ',' ? 'num.comma' : 'num.space');
  while (i < s.length) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (!inGroup) { groups.push({ digits: '', sep: '' }); inGroup = true; }
      groups[groups.length - 1].digits += c;
      i++;
      continue;
    }
    const blank = BLANK.test(c);
    if (c === '%' || blank) {
      let j = i;
      while (j < s.length && BLANK.test(s[j])) j++;
      if (j < s.length && s[j] === '%' && j + 1 === s.length) { r.percent = true; break; }
      if (c === '%') return fail('num.percentEnd');
    }
    if (c === '.' || c === ',' || blank) {
      if (!inGroup) return fail('num.before', { m: markName(c) });
      groups[groups.length - 1].sep = c === '.' ? 'P' : c === ',' ? 'C' : 'S';
      inGroup = false;
      i++;
      continue;
    }
    if ((c === 'e' || c === 'E') && inGroup) return fail('num.exp');
    if ((c === 'x' || c === 'X') && inGroup) return fail('num.hex');
    return fail('num.nan');
  }
  const ng = groups.length;
  if (ng === 0) return fail('num.none');
  const last = groups[ng - 1];
  if (!inGroup && last.sep) return fail('num.after', { m: markName(last.sep === 'P' ? '.' : last.sep === 'C' ? ',' : ' ') });
  const seps = groups.slice(0, ng - 1).map((g) => g.sep);
  const ncomma = seps.filter((x) => x === 'C').length, npoint = seps.filter((x) => x === 'P').length,
    nspace = seps.filter((x) => x === 'S').length;
  const commaAt = seps.lastIndexOf('C');
  if (ncomma > 1) return fail('num.commas', { n: ncomma });
  if (ncomma && commaAt !== seps.length - 1) return fail('num.english');
  if (npoint && nspace) return fail('num.mixed');
  let nint = ncomma ? commaAt + 1 : ng;
  let decimalPoint = false;
  if (nint > 1) {
    let ok = groups[0].digits.length <= 3 && groups[0].digits[0] !== '0';
    for (let g = 1; g < nint; g++) ok = ok && groups[g].digits.length === 3;
    if (!ok) {
      if (!ncomma && npoint === 1 && seps.length === 1) { decimalPoint = true; nint = 1; } else return fail('num.groups');
    } else r.grouped = true;
  }
  const all = groups.map((g) => g.digits).join('');
  const dec = ncomma || decimalPoint ? last.digits.length : 0;
  if (dec > DECIMALS_MAX) return fail('num.decimals', { n: DECIMALS_MAX });
  const sig = all.replace(/^0+(?=\d)/, '');
  if (sig.length > DIGITS_MAX) return fail('num.digits', { n: DIGITS_MAX });
  const val = (d) => Number(sig) / 10 ** d;   // exact integer ≤ 15 digits over a power of ten, as the C code
  r.value = val(dec);
  r.decimals = dec;
  if (!ncomma && npoint === 1 && seps.length === 1 && r.grouped) { r.hasAlt = true; r.alt = val(3); }
  else if (ncomma && seps.length === 1 && groups[0].digits.length <= 3 && groups[0].digits[0] !== '0' && groups[1].digits.length === 3) {
    r.hasAlt = true; r.alt = val(0);
  }
  if (r.negative) { r.value = -r.value; r.alt = -r.alt; }
  return r;
}

// The kinds of a field, as base/num.h's num_kind.
export const KIND = { measure: 'measure', count: 'count', rate: 'rate', level: 'level', target: 'target' };

function range(s, v, percent, kind) {
  if (!Number.isFinite(v)) return t('num.nan', { s });
  if (Math.abs(v) > ABS_MAX) return t('num.big', { s, max: format(ABS_MAX, 0) });
  if (v !== 0 && Math.abs(v) < 1e-9) return t('num.small', { s });
  if (kind !== 'target' && v < 0) return t('num.negative', { s });
  if (kind === 'count') {
    if (percent) return t('num.countPercent', { s });
    if (v !== Math.floor(v)) return t('num.whole', { s });
    if (v > COUNT_MAX) return t('num.countBig', { s, max: format(COUNT_MAX, 0) });
  } else if (kind === 'rate') {
    if (v > 100) return t('num.rate', { s, v: format(v) });
  } else if (kind === 'level') {
    if (percent || v > 1) return t('num.level', { s });
  }
  return null;
}

// null when R (parse's result, has set) fits KIND, else the reason.
export function check(r, kind) {
  const why = range(r.text, r.value, r.percent, kind);
  if (!why || !r.hasAlt || range(r.text, r.alt, r.percent, kind)) return why;
  const a = r.alt === Math.floor(r.alt) ? format(r.alt, 0) : format(r.alt, 9, false);
  return t('num.ambiguous', { s: r.text, v: format(r.value), a, plain: format(r.alt, 9, false) });
}

// S read and checked as KIND: {value} (null when blank) or {error}.
export function read(s, kind) {
  const r = parse(s);
  if (r.error) return { error: r.error };
  if (!r.has) return { value: null };
  const why = check(r, kind);
  return why ? { error: why } : { value: r.value, text: format(r.value) };
}
