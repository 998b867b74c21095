// views/province.js — the province's home (#/province/PID/PERIOD): for the
// Sở KH&CN (a user whose scope is a province) and the admin, every commune
// of the province for a period, from GET /api/v1/provinces/:pid/home:
// rank, index, completeness, change since the previous period, whether the
// commune's own report reached the province by its deadline, at-risk
// count; filters (not reported, at risk, late), search by name and sorting
// in the page (no new request); one indicator compared across communes
// (the indicators the communes' plans share, matched by code and name);
// the communes that have not reported with their contact; the Excel and
// Word summary (api_export.c) and the comparison as CSV; a coordinator or
// admin of the province loads one point table for every commune's plan.
// The table stacks into labelled cards below 600 px (table.js), so 170
// communes read on a 360 px phone without a sideways scroll. Numbers the
// Vietnamese way (fmt.js); the period picker and default are the
// dashboard's (periodpick.js). docs/province.md says the same for people.
import { api, get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages, fmtNum } from '../i18n.js';
import { thisMonthVN } from '../dates.js';
import { pct, index, value, periodName } from '../fmt.js';
import { stackTable } from '../table.js';
import { loadPeriods, periodChoices, defaultPeriod, periodSelect } from '../periodpick.js';

addMessages({
  vi: {
    'pv.title': 'Trang của tỉnh', 'pv.none': 'Tài khoản này không xem được trang của tỉnh nào.',
    'pv.province': 'Tỉnh', 'pv.period': 'Kỳ báo cáo', 'pv.show': 'Xem',
    'pv.judged': 'Số liệu đã duyệt, đánh giá ngày {d}.', 'pv.index': 'Chỉ số của tỉnh',
    'pv.communes': 'Số xã', 'pv.reported': 'Đã gửi báo cáo', 'pv.notReported': 'Chưa báo cáo',
    'pv.late': 'Trễ hạn hoặc chưa gửi', 'pv.atRiskCommunes': 'Xã có chỉ tiêu nguy cơ',
    'pv.table': 'Chấm theo bộ chỉ số: {n}', 'pv.noTable': 'Chưa nạp bộ chỉ số chung: mỗi chỉ tiêu có cùng trọng số.',
    'pv.filter': 'Lọc', 'pv.f.all': 'Tất cả các xã', 'pv.f.not_reported': 'Chưa báo cáo',
    'pv.f.at_risk': 'Có chỉ tiêu nguy cơ', 'pv.f.late': 'Trễ hạn hoặc chưa gửi',
    'pv.search': 'Tìm theo tên xã', 'pv.sort': 'Sắp xếp theo',
    'pv.s.rank': 'Hạng', 'pv.s.name': 'Tên xã', 'pv.s.index': 'Chỉ số (thấp trước)', 'pv.s.change': 'Thay đổi (giảm nhiều trước)',
    'pv.s.at_risk': 'Số chỉ tiêu nguy cơ',
    'pv.shown': 'Đang hiện {n}/{all} xã.',
    'pv.c.rank': 'Hạng', 'pv.c.name': 'Xã', 'pv.c.index': 'Chỉ số', 'pv.c.completeness': 'Đủ số liệu',
    'pv.c.change': 'Thay đổi so với kỳ trước', 'pv.c.report': 'Báo cáo của xã gửi tỉnh', 'pv.c.risk': 'Chỉ tiêu nguy cơ',
    'pv.caption': 'Các xã của tỉnh {p}', 'pv.norank': 'chưa xếp hạng', 'pv.due': 'hạn {d}',
    'pv.missingTitle': 'Các xã chưa báo cáo ({n})', 'pv.missingNone': 'Mọi xã đã gửi báo cáo kỳ này.',
    'pv.contact': 'Liên hệ', 'pv.noContact': 'chưa có tài khoản điều phối',
    'pv.compare': 'So sánh một chỉ tiêu giữa các xã', 'pv.indicator': 'Chỉ tiêu (cùng mã và tên)',
    'pv.ind.option': '{c} — {n} ({k} xã)', 'pv.noShared': 'Các kế hoạch của các xã chưa có chỉ tiêu chung.',
    'pv.cc.value': 'Giá trị', 'pv.cc.target': 'Chỉ tiêu năm', 'pv.cc.ach': 'Mức đạt', 'pv.cc.status': 'Trạng thái',
    'pv.cc.caption': 'Chỉ tiêu {c} — {n}, {p}', 'pv.notMatched': 'kế hoạch không có chỉ tiêu này',
    'pv.downloads': 'Tải về', 'pv.xlsx': 'Tổng hợp các xã (Excel)', 'pv.docx': 'Báo cáo tổng hợp (Word)',
    'pv.csv': 'Bảng so sánh chỉ tiêu (CSV)', 'pv.workbook': 'Trang của tỉnh (Excel: các xã, xã chưa báo cáo, chỉ tiêu đang so sánh)',
    'pv.load': 'Bộ chỉ số chung của tỉnh', 'pv.loadFile': 'Tệp bộ chỉ số (CSV hoặc JSON)',
    'pv.loadBtn': 'Nạp cho kế hoạch của mọi xã', 'pv.loaded': 'Đã nạp "{n}" ({c} tiêu chí) cho {k} kế hoạch.',
    'pv.unmatched': '{x}: tiêu chí {codes} không khớp chỉ tiêu cùng mã và tên, do tỉnh thẩm định điểm.',
    'pv.loadHelp': 'Mỗi tiêu chí đọc chỉ tiêu cùng mã và cùng tên trong kế hoạch của từng xã; tiêu chí không khớp vẫn giữ điểm tối đa và do tỉnh chấm.',
    'pv.pickFile': 'Chọn tệp trước khi nạp.',
  },
  en: {
    'pv.title': 'Province home', 'pv.none': 'This account may not open any province\'s home.',
    'pv.province': 'Province', 'pv.period': 'Reporting period', 'pv.show': 'Show',
    'pv.judged': 'Approved figures, judged on {d}.', 'pv.index': 'Province index',
    'pv.communes': 'Communes', 'pv.reported': 'Report sent', 'pv.notReported': 'Not reported',
    'pv.late': 'Late or missing', 'pv.atRiskCommunes': 'Communes with indicators at risk',
    'pv.table': 'Scored with the point table: {n}', 'pv.noTable': 'No common point table: every indicator weighs the same.',
    'pv.filter': 'Filter', 'pv.f.all': 'All communes', 'pv.f.not_reported': 'Not reported',
    'pv.f.at_risk': 'With indicators at risk', 'pv.f.late': 'Late or missing',
    'pv.search': 'Search by commune name', 'pv.sort': 'Sort by',
    'pv.s.rank': 'Rank', 'pv.s.name': 'Name', 'pv.s.index': 'Index (lowest first)', 'pv.s.change': 'Change (largest fall first)',
    'pv.s.at_risk': 'Indicators at risk',
    'pv.shown': 'Showing {n} of {all} communes.',
    'pv.c.rank': 'Rank', 'pv.c.name': 'Commune', 'pv.c.index': 'Index', 'pv.c.completeness': 'Data complete',
    'pv.c.change': 'Change since last period', 'pv.c.report': 'Own report to the province', 'pv.c.risk': 'Indicators at risk',
    'pv.caption': 'Communes of the province, {p}', 'pv.norank': 'not ranked', 'pv.due': 'due {d}',
    'pv.missingTitle': 'Communes that have not reported ({n})', 'pv.missingNone': 'Every commune has sent its report.',
    'pv.contact': 'Contact', 'pv.noContact': 'no coordinator account',
    'pv.compare': 'One indicator across communes', 'pv.indicator': 'Indicator (same code and name)',
    'pv.ind.option': '{c} — {n} ({k} communes)', 'pv.noShared': 'The communes\' plans share no indicator yet.',
    'pv.cc.value': 'Value', 'pv.cc.target': 'Year target', 'pv.cc.ach': 'Achievement', 'pv.cc.status': 'Status',
    'pv.cc.caption': 'Indicator {c} — {n}, {p}', 'pv.notMatched': 'not in the plan',
    'pv.downloads': 'Downloads', 'pv.xlsx': 'Communes summary (Excel)', 'pv.docx': 'Summary report (Word)',
    'pv.csv': 'Indicator comparison (CSV)', 'pv.workbook': 'Province home (Excel: communes, not reported, the indicator compared)',
    'pv.load': 'The province\'s point table', 'pv.loadFile': 'Point table file (CSV or JSON)',
    'pv.loadBtn': 'Load for every commune\'s plan', 'pv.loaded': 'Loaded "{n}" ({c} criteria) for {k} plans.',
    'pv.unmatched': '{x}: criteria {codes} match no indicator of the same code and name; the province scores them.',
    'pv.loadHelp': 'Each criterion reads the indicator of the same code and name in each commune\'s plan; a criterion that matches none keeps its maximum and is scored by the province.',
    'pv.pickFile': 'Choose a file first.',
  },
});

const FILTERS = ['all', 'not_reported', 'at_risk', 'late'];
const SORTS = ['rank', 'name', 'index', 'change', 'at_risk'];

// Folded for search: no diacritics, đ → d, lower case ("Hòa" finds "hoa").
const fold = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

function lastMonth() {
  const [y, m] = thisMonthVN().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// A change of index: "+0,0130", "−0,0268", "—".
function change(x) {
  if (x === null || x === undefined) return '—';
  const s = fmtNum(Math.abs(x), 4);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

function matches(c, filter, q) {
  if (q && !fold(c.name).includes(q)) return false;
  const st = c.report && c.report.state;
  if (filter === 'not_reported') return !c.reported;
  if (filter === 'at_risk') return c.at_risk > 0;
  if (filter === 'late') return st === 'late' || st === 'missing';
  return true;
}

function sorter(key) {
  const byName = (a, b) => a.name.localeCompare(b.name, 'vi');
  const nullsLast = (f) => (a, b) => {
    const x = f(a), y = f(b);
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x - y || byName(a, b);
  };
  if (key === 'name') return byName;
  if (key === 'index') return nullsLast((c) => c.index);
  if (key === 'change') return nullsLast((c) => c.change);
  if (key === 'at_risk') return (a, b) => b.at_risk - a.at_risk || byName(a, b);
  return nullsLast((c) => c.rank);
}

function reportCell(r) {
  return h('span', { class: `report-${r.state}` }, r.label, r.due ? h('span', { class: 'muted' }, ` (${t('pv.due', { d: r.due })})`) : null);
}

function communeTable(rows, period) {
  const cols = [t('pv.c.rank'), t('pv.c.name'), t('pv.c.index'), t('pv.c.completeness'), t('pv.c.change'), t('pv.c.report'), t('pv.c.risk')];
  return stackTable(cols, rows.map((c) => [
    c.rank || h('span', { 'aria-label': t('pv.norank'), title: t('pv.norank') }, '—'),
    c.name,
    index(c.index),
    c.completeness && c.completeness.expected ? `${pct(c.completeness.rate)} (${c.completeness.reported}/${c.completeness.expected})` : '—',
    change(c.change),
    reportCell(c.report),
    String(c.at_risk),
  ]), { id: 'pv-table', caption: t('pv.caption', { p: periodName(period) }), num: [0, 2, 4, 6], rowHead: 1 });
}

function contacts(c) {
  if (!c.contacts || !c.contacts.length) return h('span', { class: 'muted' }, t('pv.noContact'));
  return c.contacts.map((x, i) => [i ? '; ' : '', `${x.display} (${x.name})`]);
}

function missingList(home) {
  const list = home.communes.filter((c) => !c.reported).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return h('section', { class: 'card', id: 'pv-missing', 'aria-labelledby': 'pv-missing-h' },
    h('h2', { id: 'pv-missing-h' }, t('pv.missingTitle', { n: list.length })),
    list.length ? h('ul', { class: 'plain' }, list.map((c) => h('li', {},
      h('strong', {}, c.name), ' — ', c.report.label, c.report.due ? ` (${t('pv.due', { d: c.report.due })})` : '',
      h('br'), `${t('pv.contact')}: `, contacts(c))))
      : h('p', { class: 'muted' }, t('pv.missingNone')));
}

function csvOf(rows) {
  const q = (s) => `"${String(s === null || s === undefined ? '' : s).replace(/"/g, '""')}"`;
  return '\ufeff' + rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

async function compareSection(pid, period, onPick = () => {}) {
  const sec = h('section', { class: 'card', id: 'pv-compare', 'aria-labelledby': 'pv-compare-h' }, h('h2', { id: 'pv-compare-h' }, t('pv.compare')));
  let shared;
  try {
    shared = (await get(`/api/v1/provinces/${pid}/indicators?period=${encodeURIComponent(period)}`)).indicators;
  } catch (e) {
    sec.append(h('p', { class: 'error', role: 'alert' }, e.message));
    return sec;
  }
  if (!shared.length) {
    sec.append(h('p', { class: 'muted' }, t('pv.noShared')));
    return sec;
  }
  const sel = h('select', { id: 'pv-indicator', name: 'indicator' }, shared.map((x, i) =>
    h('option', { value: String(i) }, t('pv.ind.option', { c: x.code, n: x.name, k: x.communes }))));
  const out = h('div', { id: 'pv-compare-out', 'aria-live': 'polite' });
  const dl = h('a', { id: 'pv-compare-csv', download: 'so-sanh-chi-tieu.csv', href: '#' }, t('pv.csv'));
  const show = async () => {
    const x = shared[+sel.value];
    onPick(x);
    let r;
    try {
      r = await get(`/api/v1/provinces/${pid}/compare?period=${encodeURIComponent(period)}&code=${encodeURIComponent(x.code)}&name=${encodeURIComponent(x.name)}`);
    } catch (e) {
      mount(out, h('p', { class: 'error', role: 'alert' }, e.message));
      return;
    }
    const cols = [t('pv.c.name'), t('pv.cc.value'), t('pv.cc.target'), t('pv.cc.ach'), t('pv.cc.status')];
    const rows = r.communes.map((c) => (c.matched
      ? [c.name, value(c.value, c.unit), c.target || '—', pct(c.achievement), c.status_label]
      : [c.name, '—', '—', '—', h('span', { class: 'muted' }, t('pv.notMatched'))]));
    mount(out, stackTable(cols, rows, { id: 'pv-compare-table', caption: t('pv.cc.caption', { c: r.code, n: r.name, p: periodName(period) }), num: [1, 3], rowHead: 0 }));
    const csv = [cols, ...r.communes.map((c) => [c.name, c.matched ? c.value : '', c.target || '', c.achievement === null ? '' : c.achievement,
      c.matched ? c.status_label : t('pv.notMatched')])];
    URL.revokeObjectURL(dl.href);
    dl.href = URL.createObjectURL(new Blob([csvOf(csv)], { type: 'text/csv;charset=utf-8' }));
  };
  sel.addEventListener('change', show);
  sec.append(h('div', { class: 'field' }, h('label', { for: 'pv-indicator' }, t('pv.indicator')), sel), h('p', {}, dl), out);
  await show();
  return sec;
}

function loadForm(pid, onDone) {
  const file = h('input', { type: 'file', id: 'pv-table-file', name: 'file', accept: '.csv,.json,text/csv,application/json' });
  const out = h('div', { id: 'pv-table-status', role: 'status' });
  const f = h('form', { class: 'card', id: 'pv-load' }, h('h2', {}, t('pv.load')), h('p', { class: 'muted' }, t('pv.loadHelp')),
    h('div', { class: 'field' }, h('label', { for: 'pv-table-file' }, t('pv.loadFile')), file),
    h('button', { type: 'submit', class: 'primary' }, t('pv.loadBtn')), out);
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const fl = file.files && file.files[0];
    if (!fl) { mount(out, h('p', { class: 'error', role: 'alert' }, t('pv.pickFile'))); return; }
    try {
      const r = await api('POST', `/api/v1/provinces/${pid}/index-table?name=${encodeURIComponent(fl.name)}`, fl);
      const miss = r.communes.filter((c) => c.unmatched.length);
      mount(out, h('p', {}, t('pv.loaded', { n: r.name, c: r.criteria, k: r.plans })),
        miss.length ? h('ul', { class: 'plain' }, miss.map((c) => h('li', {}, t('pv.unmatched', { x: c.name, codes: c.unmatched.join(', ') })))) : null);
      onDone();
    } catch (e) {
      mount(out, h('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
  return f;
}

export async function render(main, ctx) {
  const { provinces } = await get('/api/v1/provinces');
  if (!provinces.length) {
    mount(main, h('h1', {}, t('pv.title')), h('p', { class: 'muted' }, t('pv.none')));
    return;
  }
  const own = provinces.find((p) => ctx.user && p.id === ctx.user.org_id);
  const pid = ctx.args[0] && provinces.some((p) => String(p.id) === ctx.args[0]) ? ctx.args[0] : String((own || provinces[0]).id);
  const { plans } = await get('/api/v1/plans');
  let periods = [];
  if (plans.length) {
    try { periods = await loadPeriods(plans[0].id); } catch { /* the period below still shows */ }
  }
  const period = ctx.args[1] || defaultPeriod(periods) || lastMonth();
  const psel = h('select', { id: 'pv-province', name: 'province' },
    provinces.map((p) => h('option', { value: p.id, selected: String(p.id) === pid }, p.name)));
  const per = periodSelect('pv-period', periodChoices(periods), period);
  const pick = h('form', { class: 'card picker', id: 'pv-form' },
    provinces.length > 1 ? h('div', { class: 'field' }, h('label', { for: 'pv-province' }, t('pv.province')), psel) : null,
    h('div', { class: 'field' }, h('label', { for: 'pv-period' }, t('pv.period')), per),
    h('button', { type: 'submit', class: 'primary' }, t('pv.show')));
  pick.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/province/${provinces.length > 1 ? psel.value : pid}/${encodeURIComponent(per.value)}`;
  });
  const name = (provinces.find((p) => String(p.id) === pid) || {}).name || '';
  const head = [h('h1', {}, `${t('pv.title')} — ${name}`), pick];
  let home;
  try {
    home = await get(`/api/v1/provinces/${pid}/home?period=${encodeURIComponent(period)}`);
  } catch (e) {
    mount(main, ...head, h('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  if (ctx.current && !ctx.current()) return;
  const s = home.summary;
  const stat = (id, label, v) => h('li', { id }, h('span', { class: 'muted' }, label), h('br'), h('strong', {}, v));
  const summary = h('ul', { class: 'cards stats', id: 'pv-summary' },
    stat('pv-s-index', t('pv.index'), `${index(home.province_index.index)}`),
    stat('pv-s-communes', t('pv.communes'), fmtNum(s.communes)),
    stat('pv-s-reported', t('pv.reported'), `${fmtNum(s.reported)}/${fmtNum(s.communes)}`),
    stat('pv-s-late', t('pv.late'), fmtNum(s.late)),
    stat('pv-s-risk', t('pv.atRiskCommunes'), fmtNum(s.at_risk_communes)));
  const state = { filter: 'all', q: '', sort: 'rank' };
  const fsel = h('select', { id: 'pv-filter', name: 'filter' }, FILTERS.map((f) => h('option', { value: f }, t('pv.f.' + f))));
  const search = h('input', { type: 'search', id: 'pv-search', name: 'q', autocomplete: 'off' });
  const ssel = h('select', { id: 'pv-sort', name: 'sort' }, SORTS.map((k) => h('option', { value: k }, t('pv.s.' + k))));
  const shown = h('p', { id: 'pv-shown', role: 'status' });
  const tableHost = h('div', { id: 'pv-table-host' });
  const draw = () => {
    const q = fold(state.q.trim());
    const rows = home.communes.filter((c) => matches(c, state.filter, q)).sort(sorter(state.sort));
    shown.textContent = t('pv.shown', { n: fmtNum(rows.length), all: fmtNum(home.communes.length) });
    mount(tableHost, communeTable(rows, home.period));
  };
  fsel.addEventListener('change', () => { state.filter = fsel.value; draw(); });
  ssel.addEventListener('change', () => { state.sort = ssel.value; draw(); });
  search.addEventListener('input', () => { state.q = search.value; draw(); });
  const tools = h('form', { class: 'card picker picker-3', id: 'pv-tools', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'pv-search' }, t('pv.search')), search),
    h('div', { class: 'field' }, h('label', { for: 'pv-filter' }, t('pv.filter')), fsel),
    h('div', { class: 'field' }, h('label', { for: 'pv-sort' }, t('pv.sort')), ssel));
  tools.addEventListener('submit', (ev) => ev.preventDefault());
  const exp = `/api/v1/provinces/${pid}/export/${encodeURIComponent(home.period)}`;
  const book = `/api/v1/provinces/${pid}/workbook?period=${encodeURIComponent(home.period)}`;
  const bookLink = h('a', { id: 'pv-workbook', href: book, download: '' }, t('pv.workbook'));
  const downloads = h('section', { class: 'card', id: 'pv-downloads', 'aria-labelledby': 'pv-dl-h' }, h('h2', { id: 'pv-dl-h' }, t('pv.downloads')),
    h('ul', { class: 'plain' },
      h('li', {}, bookLink),
      h('li', {}, h('a', { id: 'pv-xlsx', href: `${exp}?format=xlsx`, download: '' }, t('pv.xlsx'))),
      h('li', {}, h('a', { id: 'pv-docx', href: `${exp}?format=docx`, download: '' }, t('pv.docx')))));
  draw();
  const role = ctx.user && ctx.user.role;
  mount(main, ...head,
    h('p', { class: 'muted', id: 'pv-judged' }, t('pv.judged', { d: home.judged_on }), ' ',
      home.table ? t('pv.table', { n: home.table }) : t('pv.noTable')),
    summary, tools, shown, tableHost, missingList(home), downloads);
  // the workbook carries the indicator being compared
  main.append(await compareSection(pid, home.period, (x) => {
    bookLink.href = `${book}&code=${encodeURIComponent(x.code)}&name=${encodeURIComponent(x.name)}`;
  }));
  if (role === 'admin' || role === 'coordinator') main.append(loadForm(pid, () => { /* the figures changed: show them */ window.dispatchEvent(new HashChangeEvent('hashchange')); }));
}
