// views/rankings.js — the rankings screen (#/rankings/PLAN/PERIOD/BY): the
// commune's units by on-time reporting rate or by achievement, or, for a
// province viewer, the communes of the province by index, from
// GET /api/v1/plans/:id/rankings. Rates and achievement print as
// percentages ("87,5%"), the index with 4 decimals ("0,7071") (fmt.js);
// periods by name, chosen from a list, opening on the same period as the
// dashboard (periodpick.js); a coordinator may publish the plan's index
// (docs/publishing.md).
import { get, post } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages, fmtNum } from '../i18n.js';
import { thisMonthVN } from '../dates.js';
import { pct, index, periodName } from '../fmt.js';
import { stackify } from '../table.js';
import { loadPeriods, periodChoices, defaultPeriod, periodSelect } from '../periodpick.js';
import { publishPanel } from '../publish.js';

addMessages({
  vi: {
    'rk.plan': 'Kế hoạch', 'rk.period': 'Kỳ báo cáo', 'rk.by': 'Xếp hạng theo',
    'rk.by.ontime': 'Đơn vị — tỷ lệ báo cáo đúng hạn', 'rk.by.achievement': 'Đơn vị — mức đạt chỉ tiêu',
    'rk.by.communes': 'Các xã trong tỉnh — chỉ số', 'rk.show': 'Xem', 'rk.rank': 'Hạng', 'rk.unit': 'Đơn vị',
    'rk.commune': 'Xã', 'rk.ontime': 'Tỷ lệ đúng hạn', 'rk.achievement': 'Mức đạt', 'rk.reports': 'Báo cáo đúng hạn/phải nộp',
    'rk.led': 'Chỉ tiêu chủ trì (có số liệu)', 'rk.index': 'Chỉ số', 'rk.province': 'Chỉ số của tỉnh',
    'rk.norank': 'chưa xếp hạng', 'rk.none': 'Không có đơn vị nào để xếp hạng trong kỳ này.',
    'rk.publish': 'Công bố chỉ số của xã cho kỳ này', 'rk.published': 'Đã công bố chỉ số {v} của {p}.',
    'rk.public': 'Xem trang công khai', 'rk.caption': 'Bảng xếp hạng {p}',
    'rk.completeness': 'Đã báo cáo/phải có', 'rk.planUsed': 'Kế hoạch được xếp hạng',
    'rk.zeroRule': 'Chỉ tiêu chưa có số liệu được duyệt tính 0 điểm trong chỉ số và xếp hạng; cột "Đã báo cáo/phải có" cho biết mức đầy đủ.',
  },
  en: {
    'rk.plan': 'Plan', 'rk.period': 'Reporting period', 'rk.by': 'Rank by',
    'rk.by.ontime': 'Units — on-time reporting rate', 'rk.by.achievement': 'Units — achievement',
    'rk.by.communes': 'Communes of the province — index', 'rk.show': 'Show', 'rk.rank': 'Rank', 'rk.unit': 'Unit',
    'rk.commune': 'Commune', 'rk.ontime': 'On-time rate', 'rk.achievement': 'Achievement', 'rk.reports': 'Reports on time/expected',
    'rk.led': 'Indicators led (with data)', 'rk.index': 'Index', 'rk.province': 'Province index',
    'rk.norank': 'not ranked', 'rk.none': 'No unit to rank for this period.',
    'rk.publish': 'Publish the commune\'s index for this period', 'rk.published': 'Published index {v} for {p}.',
    'rk.public': 'See the public page', 'rk.caption': 'Ranking for {p}',
    'rk.completeness': 'Reported/expected', 'rk.planUsed': 'Plan ranked',
    'rk.zeroRule': 'An indicator without approved data scores 0 in the index and the ranking; "Reported/expected" shows how complete each figure is.',
  },
});

const BYS = ['ontime', 'achievement', 'communes'];

// This month in Vietnam (dates.js).
const thisMonth = () => thisMonthVN();
// Last month in Vietnam ("2026-11"), when the plan's calendar names no period.
function lastMonth() {
  const [y, m] = thisMonth().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// A rate or achievement as a percentage; an index with 4 decimals.
const fig = (x) => pct(x);
// Completeness beside an index: "7/22" (reported/expected), "—" when unknown.
const comp = (c) => (c && c.expected ? `${c.reported}/${c.expected}` : '—');

function form(plans, planId, period, by, choices) {
  const sel = h('select', { id: 'rk-plan', name: 'plan' },
    plans.map((p) => h('option', { value: p.id, selected: String(p.id) === String(planId) }, p.title || `#${p.id}`)));
  const per = periodSelect('rk-period', choices, period);
  const bySel = h('select', { id: 'rk-by', name: 'by' },
    BYS.map((b) => h('option', { value: b, selected: b === by }, t('rk.by.' + b))));
  const f = h('form', { class: 'card picker picker-4', id: 'rk-form' },
    h('div', { class: 'field' }, h('label', { for: 'rk-plan' }, t('rk.plan')), sel),
    h('div', { class: 'field' }, h('label', { for: 'rk-period' }, t('rk.period')), per),
    h('div', { class: 'field' }, h('label', { for: 'rk-by' }, t('rk.by')), bySel),
    h('button', { type: 'submit', class: 'primary' }, t('rk.show')));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = String(sel.value) === String(planId)
      ? `#/rankings/${sel.value}/${encodeURIComponent(per.value)}/${bySel.value}` : `#/rankings/${sel.value}//${bySel.value}`;
  });
  return f;
}

function table(caption, cols, rows) {
  return h('div', { class: 'table-wrap' }, stackify(h('table', { id: 'rk-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 1
      ? h('th', { scope: 'row' }, c)
      : h('td', { class: i === 0 || i > 1 ? 'num' : null }, c)))))))));
}

function unitRows(rows) {
  return rows.map((w) => [w.rank || h('span', { title: t('rk.norank'), 'aria-label': t('rk.norank') }, '—'), w.name, fig(w.on_time_rate), fig(w.achievement),
    `${w.on_time}/${w.expected}`, `${w.led} (${w.led_with_data})`]);
}

// Publishing asks first and shows what becomes public (publish.js).
function publishBox(planId, period) {
  return publishPanel(planId, period, 'rk-publish');
}

export async function render(main, ctx) {
  const { plans } = await get('/api/v1/plans');
  if (!plans.length) {
    mount(main, h('h1', {}, t('rankings.title')), h('p', { class: 'muted' }, t('plan.none')));
    return;
  }
  const planId = ctx.args[0] || plans[0].id;
  let periods = [];
  try { periods = await loadPeriods(planId); } catch { /* the list stays empty; the period below still shows */ }
  const period = ctx.args[1] || defaultPeriod(periods) || lastMonth();
  const by = BYS.includes(ctx.args[2]) ? ctx.args[2] : 'ontime';
  const head = [h('h1', {}, t('rankings.title')), form(plans, planId, period, by, periodChoices(periods))];
  const role = ctx.user && ctx.user.role;
  const canPublish = role === 'admin' || role === 'coordinator';
  let r;
  try {
    r = await get(`/api/v1/plans/${encodeURIComponent(planId)}/rankings?period=${encodeURIComponent(period)}&by=${by}`);
  } catch (e) {
    mount(main, ...head, h('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  const caption = t('rk.caption', { p: periodName(r.period) });
  let body;
  if (!r.rows.length) {
    body = h('p', { class: 'muted' }, t('rk.none'));
  } else if (by === 'communes') {
    body = [
      r.province ? h('p', {}, `${t('rk.province')}: `, h('strong', { id: 'rk-province' }, index(r.province.sum && r.province.sum.index)),
        ` (${r.province.mode_label})`) : null,
      h('p', { class: 'muted', id: 'rk-zero-rule' }, t('rk.zeroRule')),
      table(caption, [t('rk.rank'), t('rk.commune'), t('rk.index'), t('rk.completeness'), t('rk.planUsed')],
        r.rows.map((w) => [w.rank || h('span', { title: t('rk.norank'), 'aria-label': t('rk.norank') }, '—'), w.name, index(w.index),
          comp(w.completeness || (w.sum && w.sum.completeness)), w.plan || '—'])),
    ];
  } else {
    body = table(caption, [t('rk.rank'), t('rk.unit'), t('rk.ontime'), t('rk.achievement'), t('rk.reports'), t('rk.led')],
      unitRows(r.rows));
  }
  mount(main, ...head, body, canPublish && by !== 'communes' ? publishBox(planId, r.period) : null);
}
