// views/appraise.js — appraisal on the web (issue 13 §6), for the commune's
// coordinator and the province's appraiser (what `dti index load`, `dti
// score self`, `dti score review` and publishing do on the command line):
//   #/appraise[/PLAN[/PERIOD]]
// - the point table (bộ chỉ số) in force, and loading a new one (CSV or
//   JSON, docs/index-table.md: POST /plans/:id/index; the server checks
//   every row and names the line and column of a refused one);
// - per criterion: its maximum, the points its rule computes from the
//   approved figures, the commune's self-assessment (points and a note) and
//   the appraiser's points (with the reason, required), from GET
//   /plans/:id/appraisal/:period (api_appraise.c); saved one criterion at a time
//   (PUT …/criteria/:code/self or /review);
// - "Công bố chỉ số…" asking first and showing what becomes public
//   (publish.js).
// Who may do what is app/score's decision; the screen offers the self
// column to the plan's own commune (and an admin), the review column to a
// user above it (and an admin), and shows the server's refusal under the
// field otherwise. Criteria are cards at 360 px (table.js).
import { api, get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages, fmtNum } from '../i18n.js';
import { index as fmtIndex, periodName } from '../fmt.js';
import { stackTable } from '../table.js';
import { filePicker } from '../filepick.js';
import { flash } from '../flash.js';
import { read as readNum } from '../num.js';
import { loadPeriods, periodChoices, defaultPeriod, periodSelect } from '../periodpick.js';
import { publishPanel } from '../publish.js';

addMessages({
  vi: {
    'nav.appraise': 'Chấm điểm', 'ap.title': 'Chấm điểm chỉ số chuyển đổi số',
    'ap.plan': 'Kế hoạch', 'ap.period': 'Kỳ', 'ap.show': 'Xem',
    'ap.table': 'Bộ chỉ số', 'ap.tableNone': 'Kế hoạch chưa có bộ chỉ số: mọi chỉ tiêu có mục tiêu tính như nhau. Nạp bộ chỉ số của tỉnh để chấm điểm theo tiêu chí.',
    'ap.tableIs': 'Đang dùng: {n} ({c} tiêu chí, tổng điểm tối đa {m}).',
    'ap.load': 'Nạp bộ chỉ số (CSV hoặc JSON)', 'ap.loadHint': 'Các cột: mã, tên, điểm tối đa, chỉ tiêu, quy tắc… (xem hướng dẫn định dạng). Có một dòng sai thì không lưu gì; bộ đang dùng được đóng lại, không bị xóa.',
    'ap.loadBtn': 'Nạp bộ chỉ số', 'ap.loaded': 'Đã nạp bộ chỉ số: {c} tiêu chí trong {g} nhóm, tổng điểm tối đa {m}.',
    'ap.noFile': 'Hãy chọn tệp bộ chỉ số.',
    'ap.criteria': 'Điểm các tiêu chí', 'ap.code': 'Mã', 'ap.name': 'Tiêu chí', 'ap.max': 'Tối đa',
    'ap.computed': 'Tính từ số liệu', 'ap.self': 'Xã tự chấm', 'ap.review': 'Thẩm định', 'ap.points': 'Điểm tính',
    'ap.selfPoints': 'Điểm xã tự chấm', 'ap.note': 'Giải trình', 'ap.reviewPoints': 'Điểm thẩm định', 'ap.reason': 'Lý do (bắt buộc)',
    'ap.save': 'Lưu', 'ap.saved': 'Đã lưu điểm tiêu chí {c}.', 'ap.reasonRequired': 'Hãy ghi lý do thẩm định.',
    'ap.range': 'Điểm từ 0 đến {m}.', 'ap.total': 'Tổng: {p} / {m} điểm · chỉ số {i} (xã tự chấm: {s})',
    'ap.publish': 'Công bố', 'ap.none': 'Chưa có kế hoạch nào.', 'ap.noCrit': 'Không có tiêu chí nào (chưa nạp bộ chỉ số).',
  },
  en: {
    'nav.appraise': 'Appraisal', 'ap.title': 'Appraisal of the DTI index',
    'ap.plan': 'Plan', 'ap.period': 'Period', 'ap.show': 'Show',
    'ap.table': 'Point table', 'ap.tableNone': 'The plan has no point table: every indicator with a target weighs the same. Load the province\'s table to score by criteria.',
    'ap.tableIs': 'In force: {n} ({c} criteria, {m} points at most).',
    'ap.load': 'Load a point table (CSV or JSON)', 'ap.loadHint': 'Columns: code, name, max, indicators, rule… (see the format guide). One bad row stores nothing; the table in force is closed, not deleted.',
    'ap.loadBtn': 'Load the table', 'ap.loaded': 'Point table loaded: {c} criteria in {g} groups, {m} points at most.',
    'ap.noFile': 'Choose the point table\'s file.',
    'ap.criteria': 'Points of the criteria', 'ap.code': 'Code', 'ap.name': 'Criterion', 'ap.max': 'Max',
    'ap.computed': 'From the figures', 'ap.self': 'Self-assessed', 'ap.review': 'Appraised', 'ap.points': 'Points',
    'ap.selfPoints': 'Self-assessed points', 'ap.note': 'Explanation', 'ap.reviewPoints': 'Appraised points', 'ap.reason': 'Reason (required)',
    'ap.save': 'Save', 'ap.saved': 'Points of criterion {c} saved.', 'ap.reasonRequired': 'Write the reason for the appraisal.',
    'ap.range': 'Points from 0 to {m}.', 'ap.total': 'Total: {p} / {m} points · index {i} (self-assessed: {s})',
    'ap.publish': 'Publish', 'ap.none': 'No plan yet.', 'ap.noCrit': 'No criteria (no point table loaded).',
  },
});

const pts = (x) => (x === null || x === undefined ? '—' : fmtNum(Math.round(x * 100) / 100));

// One criterion's form: POINTS and TEXT for KIND ('self' or 'review').
function pointsForm(planId, period, c, kind, enabled, onSaved) {
  const id = `ap-${kind}-${c.code.replace(/[^\w]/g, '_')}`;
  const cur = kind === 'self' ? (c.self_given ? c.self : null) : c.review;
  const text = kind === 'self' ? c.self_note || '' : c.reason || '';
  const num = h('input', { id: id + '-points', name: 'points', inputmode: 'decimal', autocomplete: 'off', disabled: !enabled,
    value: cur === null || cur === undefined ? '' : fmtNum(cur), 'aria-describedby': id + '-error' });
  const note = h('input', { id: id + '-text', name: kind === 'self' ? 'note' : 'reason', disabled: !enabled, value: text });
  const err = h('p', { class: 'error', id: id + '-error', role: 'alert' });
  const f = h('form', { class: 'ap-points', id, novalidate: true, 'data-code': c.code, 'data-kind': kind },
    h('label', { for: id + '-points' }, t(kind === 'self' ? 'ap.selfPoints' : 'ap.reviewPoints')), num,
    h('label', { for: id + '-text' }, t(kind === 'self' ? 'ap.note' : 'ap.reason')), note,
    enabled ? h('button', { type: 'submit', class: 'secondary', id: id + '-save' }, t('ap.save')) : null, err);
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    const r = readNum(num.value, 'measure');
    const bad = (el, msg) => { err.textContent = msg; el.setAttribute('aria-invalid', 'true'); el.focus(); };
    if (r.error) return bad(num, r.error);
    if (r.value === null || r.value === undefined || r.value < 0 || r.value > c.max) return bad(num, t('ap.range', { m: fmtNum(c.max) }));
    if (kind === 'review' && !note.value.trim()) return bad(note, t('ap.reasonRequired'));
    try {
      await api('PUT', `/api/v1/plans/${encodeURIComponent(planId)}/score/${encodeURIComponent(period)}/criteria/${encodeURIComponent(c.code)}/${kind}`,
        kind === 'self' ? { points: r.value, note: note.value.trim() || null } : { points: r.value, reason: note.value.trim() });
      onSaved(c.code);
    } catch (e) {
      bad(e.field === 'reason' || e.field === 'note' ? note : num, e.message);
    }
  });
  return f;
}

function loadForm(planId, onLoaded) {
  const file = h('input', { type: 'file', id: 'ap-file', name: 'file', accept: '.csv,.json,.tsv,.txt' });
  const err = h('p', { class: 'error', id: 'ap-file-error', role: 'alert' });
  const f = h('form', { class: 'card', id: 'ap-load', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'ap-file' }, t('ap.load')), filePicker(file),
      h('p', { class: 'muted' }, t('ap.loadHint')), err),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'ap-load-btn' }, t('ap.loadBtn'))));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    if (!file.files.length) { err.textContent = t('ap.noFile'); return; }
    const fd = new FormData();
    fd.append('file', file.files[0]);
    try {
      const r = await api('POST', `/api/v1/plans/${encodeURIComponent(planId)}/index`, fd);
      onLoaded(r);
    } catch (e) {
      err.textContent = e.message;
    }
  });
  return f;
}

export async function render(main, ctx) {
  const { plans } = await get('/api/v1/plans');
  if (!plans.length) { mount(main, h('h1', {}, t('ap.title')), h('p', { class: 'muted' }, t('ap.none'))); return; }
  const planId = ctx.args[0] || plans[0].id;
  const plan = plans.find((p) => String(p.id) === String(planId)) || plans[0];
  let periods = [];
  try { periods = await loadPeriods(planId); } catch { /* the period below still shows */ }
  const period = ctx.args[1] || defaultPeriod(periods) || '';
  const sc = await get(`/api/v1/plans/${encodeURIComponent(planId)}/appraisal/${encodeURIComponent(period)}`);
  const role = ctx.user?.role;
  // the plan's own commune (GET /plans names it) self-assesses; a user above it appraises
  const own = !!ctx.user?.org_name && ctx.user.org_name === plan.commune;
  const canSelf = role === 'admin' || (role === 'coordinator' && own);
  const canReview = role === 'admin' || (role === 'coordinator' && !own);
  const reload = async (msg) => { await render(main, ctx); flash(main, msg); };

  const sel = h('select', { id: 'ap-plan', name: 'plan' },
    plans.map((p) => h('option', { value: p.id, selected: String(p.id) === String(planId) }, p.title || `#${p.id}`)));
  const per = periodSelect('ap-period', periodChoices(periods), period);
  const pick = h('form', { class: 'card picker', id: 'ap-form' },
    h('div', { class: 'field' }, h('label', { for: 'ap-plan' }, t('ap.plan')), sel),
    h('div', { class: 'field' }, h('label', { for: 'ap-period' }, t('ap.period')), per),
    h('button', { type: 'submit', class: 'primary' }, t('ap.show')));
  pick.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = String(sel.value) === String(planId) ? `#/appraise/${sel.value}/${encodeURIComponent(per.value)}` : `#/appraise/${sel.value}`;
  });

  const crits = sc.criteria || [];
  const tot = sc.total || {};
  const maxAll = crits.reduce((a, c) => a + (c.max || 0), 0);
  const rows = crits.map((c) => [c.code, h('span', {}, c.name, c.evidence ? h('span', { class: 'muted' }, ` · ${c.evidence}`) : null),
    pts(c.max), h('span', { title: c.computed_from || '' }, pts(c.computed)),
    pointsForm(planId, period, c, 'self', canSelf, (code) => reload(t('ap.saved', { c: code }))),
    pointsForm(planId, period, c, 'review', canReview, (code) => reload(t('ap.saved', { c: code }))),
    h('strong', { 'data-points': c.code }, pts(c.points))]);
  mount(main,
    h('h1', {}, t('ap.title')), pick,
    h('h2', {}, t('ap.table')),
    h('p', { id: 'ap-table' }, sc.table ? t('ap.tableIs', { n: sc.table.name, c: crits.length, m: fmtNum(maxAll) }) : t('ap.tableNone')),
    role === 'admin' || (role === 'coordinator' && own)
      ? loadForm(planId, (r) => reload(t('ap.loaded', { c: r.criteria, g: r.groups, m: fmtNum(r.max_total) }))) : null,
    h('h2', {}, t('ap.criteria'), ' · ', periodName(sc.period || period)),
    crits.length ? [
      h('p', { id: 'ap-total' }, t('ap.total', { p: pts(tot.points), m: pts(tot.max), i: fmtIndex(tot.index),
        s: fmtIndex(sc.total_self && sc.total_self.index) })),
      stackTable([t('ap.code'), t('ap.name'), t('ap.max'), t('ap.computed'), t('ap.self'), t('ap.review'), t('ap.points')], rows,
        { id: 'ap-criteria', num: [2, 3, 6], rowHead: 0 }),
    ] : h('p', { class: 'muted' }, t('ap.noCrit')),
    h('h2', {}, t('ap.publish')),
    role === 'admin' || role === 'coordinator' ? publishPanel(planId, sc.period || period, 'ap-publish') : null);
}
