// views/mywork.js — My work (issue 4 §2), for a reporter.
//   #/my-work                      the reports due: this month's and any
//                                  earlier one not yet approved, with the
//                                  deadline counted down (completeness API)
//   #/my-work/PLAN/ORG/PERIOD      the form: one fieldset per indicator the
//                                  unit leads (numerator/denominator with the
//                                  percent computed live for a rate, else the
//                                  figure; met yes/no for a text target),
//                                  task progress, evidence, the three texts;
//                                  Save draft (PUT as CSV, docs/reports.md)
//                                  and Submit. A server error is shown beside
//                                  the field it names.
// The items come from the plan (units leading them, names compared loosely)
// and from this and the previous period's reports, so an alias the store
// matched but the UI cannot still shows once it has been reported.
import { api, get, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum, fmtDate } from '../i18n.js';
import { currentMonth, previousPeriod, countdown, daysLeft, sameUnit, reportPath, isRate, isTextTarget } from '../periods.js';

const TASK_STATUSES = ['chưa triển khai', 'đang triển khai', 'hoàn thành', 'quá hạn', 'dừng'];
const TEXTS = [['results', 'mywork.results'], ['difficulties', 'mywork.difficulties'], ['proposals', 'mywork.proposals']];

async function getOrNull(path) {
  try { return await get(path); } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

// The reports this user's units owe: this month, and earlier ones still open.
async function dueList() {
  const { plans } = await get('/api/v1/plans');
  const cur = currentMonth();
  const periods = [cur, previousPeriod(cur), previousPeriod(previousPeriod(cur))];
  const out = [];
  for (const p of plans) {
    for (const period of periods) {
      let c;
      try { c = await get(`/api/v1/plans/${p.id}/completeness/${period}`); } catch { continue; }
      for (const o of c.orgs || []) {
        if (period !== cur && o.state === 'approved') continue;
        if (period !== cur && !o.state && o.timeliness?.status === 'not_due') continue;
        out.push({ plan: p, period, org: o, deadline: o.timeliness?.deadline || c.unit_deadline });
      }
    }
  }
  return out;
}

function stateLabel(o) {
  return o.state ? t('state.' + o.state) : t('state.none');
}

async function renderList(main) {
  const items = await dueList();
  mount(main, h('h1', {}, t('mywork.title')),
    items.length === 0 ? h('p', { class: 'muted' }, t('mywork.empty')) :
      h('ul', { class: 'cards', id: 'mywork-list' }, items.map((it) => {
        const n = daysLeft(it.deadline);
        const open = it.org.state !== 'submitted';
        return h('li', { 'data-period': it.period, 'data-org': it.org.org_id },
          h('p', { class: 'muted' }, it.plan.title),
          h('h2', {}, `${it.org.org} · ${t('mywork.period')} ${it.period}`),
          h('p', {}, t('mywork.deadline'), ' ', h('strong', {}, it.deadline || '—'), ' ',
            h('span', { class: 'status ' + (n === null ? 'nodata' : n < 0 ? 'fail' : n <= 3 ? 'risk' : 'ontrack') },
              countdown(it.deadline))),
          h('p', {}, t('mywork.state'), ' ', stateLabel(it.org)),
          h('a', { class: 'button', href: `#/my-work/${it.plan.id}/${it.org.org_id}/${encodeURIComponent(it.period)}` },
            open ? t('mywork.open') : t('mywork.view')));
      })));
}

// The indicators and tasks the unit reports, in the plan's order.
function assignedItems(plan, orgName, rep, prev) {
  const codes = (r, k) => new Set(((r && r[k]) || []).filter((x) => !x.role || x.role === 'lead').map((x) => x.code));
  const ic = new Set([...codes(rep, 'values'), ...codes(prev, 'values')]);
  const tc = new Set([...codes(rep, 'tasks'), ...codes(prev, 'tasks')]);
  const leads = (x) => (x.lead || []).some((l) => sameUnit(l, orgName));
  return {
    indicators: (plan.indicators || []).filter((i) => ic.has(i.code) || leads(i)),
    tasks: (plan.tasks || []).filter((x) => tc.has(x.code) || leads(x)),
  };
}

const byCode = (r, k) => new Map(((r && r[k]) || []).map((x) => [x.code, x]));
const numText = (x) => (x === null || x === undefined ? '' : fmtNum(x).replace(/\./g, ''));
// "1.234,5" or "1234.5" → 1234.5; '' → null; NaN when unreadable.
function parseNum(s) {
  s = String(s || '').trim().replace(/\s/g, '');
  if (s === '') return null;
  if (/,/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// A labelled field; ERR is the place for its server error.
function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('p', { class: 'muted', id: id + '-hint' }, hint) : null,
    h('p', { class: 'error', id: id + '-error', role: 'alert', 'data-field-error': id }));
}

// The previous period's entry, as a reminder: "35,00 % (14/40)", "0,5", "Có".
function lastText(v) {
  if (v.met === true) return t('yes');
  if (v.met === false) return t('no');
  if (v.numerator !== null && v.numerator !== undefined) return `${fmtNum(v.value, 2)} % (${fmtNum(v.numerator)}/${fmtNum(v.denominator)})`;
  return fmtNum(v.value);
}

function indicatorFieldset(ind, old, editable, last, lastPeriod) {
  const id = 'ind-' + ind.code.replace(/[^\w]/g, '_');
  const target = (ind.targets || []).map((x) => x.text).filter(Boolean).join('; ');
  const fs = h('fieldset', { class: 'card item', 'data-kind': 'indicator', 'data-code': ind.code, id });
  const dis = !editable;
  const parts = [h('legend', {}, `${ind.code}. ${ind.name}`), target ? h('p', { class: 'muted' }, t('plan.targets'), ': ', target) : null,
    last ? h('p', { class: 'muted prev' }, t('mywork.prev', { p: lastPeriod }), ' ', lastText(last)) : null];
  if (isTextTarget(ind)) {
    const sel = h('select', { id: id + '-met', name: 'met', disabled: dis },
      h('option', { value: '' }, '—'),
      h('option', { value: 'có', selected: old?.met === true }, t('yes')),
      h('option', { value: 'không', selected: old?.met === false }, t('no')));
    parts.push(field(id + '-met', t('mywork.met'), sel));
  } else if (isRate(ind, old || last)) {
    const num = h('input', { id: id + '-num', name: 'numerator', inputmode: 'decimal', value: numText(old?.numerator), disabled: dis });
    const den = h('input', { id: id + '-den', name: 'denominator', inputmode: 'decimal', value: numText(old?.denominator), disabled: dis });
    const out = h('output', { id: id + '-pct', for: `${id}-num ${id}-den`, 'aria-live': 'polite', class: 'big' });
    const update = () => {
      const a = parseNum(num.value), b = parseNum(den.value);
      out.textContent = a !== null && b && !Number.isNaN(a) && !Number.isNaN(b) ? fmtNum((a / b) * 100, 2) + ' %' : '—';
    };
    num.addEventListener('input', update);
    den.addEventListener('input', update);
    update();
    parts.push(h('div', { class: 'pair' }, field(id + '-num', t('mywork.numerator'), num), field(id + '-den', t('mywork.denominator'), den)),
      h('p', {}, h('span', { class: 'muted' }, t('mywork.percent'), ' '), out));
  } else {
    const unit = (ind.targets || []).find((x) => x.unit)?.unit;
    const v = h('input', { id: id + '-value', name: 'value', inputmode: 'decimal', value: numText(old?.value), disabled: dis });
    parts.push(field(id + '-value', unit ? `${t('mywork.value')} (${unit})` : t('mywork.value'), v));
  }
  parts.push(field(id + '-note', t('mywork.note'), h('textarea', { id: id + '-note', name: 'note', rows: 2, disabled: dis }, old?.note || '')));
  fs.append(...parts.filter(Boolean));
  return fs;
}

function taskFieldset(task, old, editable, last, lastPeriod) {
  const id = 'task-' + task.code.replace(/[^\w]/g, '_');
  const dis = !editable;
  return h('fieldset', { class: 'card item', 'data-kind': 'task', 'data-code': task.code, id },
    h('legend', {}, `${t('mywork.task')} ${task.code}. ${task.name}`),
    task.due_text ? h('p', { class: 'muted' }, t('plan.due'), ': ', task.due_text) : null,
    last ? h('p', { class: 'muted prev' }, t('mywork.prev', { p: lastPeriod }), ' ',
      `${last.status || '—'} · ${fmtNum(last.percent)} %`) : null,
    field(id + '-status', t('mywork.status'), h('select', { id: id + '-status', name: 'status', disabled: dis },
      h('option', { value: '' }, '—'),
      TASK_STATUSES.map((s) => h('option', { value: s, selected: old?.status === s }, s)))),
    field(id + '-percent', t('mywork.progress'), h('input', { id: id + '-percent', name: 'percent', type: 'number', min: 0, max: 100,
      step: 'any', value: old?.percent ?? '', disabled: dis })),
    field(id + '-products', t('mywork.products'), h('input', { id: id + '-products', name: 'products',
      value: old?.products || '', disabled: dis })));
}

// The form's content as the CSV of docs/reports.md; throws {field, message}.
function toCsv(form) {
  const rows = [['kind', 'code', 'numerator', 'denominator', 'value', 'met', 'note', 'status', 'percent', 'products']];
  const val = (fs, name) => fs.querySelector(`[name="${name}"]`)?.value.trim() ?? '';
  const num = (fs, name) => {
    const el = fs.querySelector(`[name="${name}"]`);
    if (!el) return '';
    const x = parseNum(el.value);
    if (Number.isNaN(x)) throw { field: el.id, message: t('mywork.badNumber') };
    return x === null ? '' : String(x);
  };
  for (const fs of form.querySelectorAll('fieldset.item')) {
    const code = fs.dataset.code;
    if (fs.dataset.kind === 'indicator') {
      const r = [num(fs, 'numerator'), num(fs, 'denominator'), num(fs, 'value'), val(fs, 'met'), val(fs, 'note')];
      if (r.every((x) => x === '')) continue;
      rows.push(['indicator', code, ...r, '', '', '']);
    } else {
      const r = [val(fs, 'status'), num(fs, 'percent'), val(fs, 'products')];
      if (r.every((x) => x === '')) continue;
      rows.push(['task', code, '', '', '', '', '', ...r]);
    }
  }
  for (const [k] of TEXTS) {
    const v = form.querySelector(`#text-${k}`).value.trim();
    if (v) rows.push([k, '', '', '', '', '', v, '', '', '']);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

// Put ERR beside the field it names (an element id, an item code, or a
// column), else at the top of the form.
function showError(form, err) {
  for (const el of form.querySelectorAll('[data-field-error]')) el.textContent = '';
  const top = form.querySelector('#mywork-error');
  top.textContent = '';
  const f = err.field || '';
  let target = f && form.querySelector(`#${CSS.escape(f)}-error`);
  if (!target) {
    const m = /(?:chỉ tiêu|nhiệm vụ|indicator|task)\s+([\w./-]+)/i.exec(err.message || '');
    const code = m ? m[1].replace(/[.,:;]$/, '') : f;
    const fs = [...form.querySelectorAll('fieldset.item')].find((x) => x.dataset.code === code);
    if (fs) {
      const col = /mẫu số|denominator/i.test(err.message) ? 'denominator' : /tử số|numerator/i.test(err.message) ? 'numerator' : null;
      const input = (col && fs.querySelector(`[name="${col}"]`)) || fs.querySelector('input, select');
      target = input && form.querySelector(`#${CSS.escape(input.id)}-error`);
    }
  }
  (target || top).textContent = err.message;
  const input = target && form.querySelector('#' + CSS.escape(target.id.replace(/-error$/, '')));
  if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); } else top.focus();
}

async function renderForm(main, ctx) {
  const [planId, org, period] = ctx.args;
  const plan = await get(`/api/v1/plans/${encodeURIComponent(planId)}`);
  const rep = await getOrNull(reportPath(planId, org, period));
  const prevPeriod = previousPeriod(period);
  const prev = prevPeriod ? await getOrNull(reportPath(planId, org, prevPeriod)) : null;
  let c = null;
  try { c = await get(`/api/v1/plans/${encodeURIComponent(planId)}/completeness/${encodeURIComponent(period)}`); } catch { /* no deadline shown */ }
  const co = (c?.orgs || []).find((o) => String(o.org_id) === String(org));
  const orgName = rep?.org || co?.org || prev?.org || ctx.user.name || '';
  const deadline = co?.timeliness?.deadline || c?.unit_deadline;
  const state = rep?.state || null;
  const editable = state !== 'submitted';
  const items = assignedItems(plan, orgName, rep, prev);
  // This period's entries fill the fields; the previous period's are shown
  // beside them as a reminder, never carried into the new report.
  const cur = { values: byCode(rep, 'values'), tasks: byCode(rep, 'tasks') };
  const before = { values: byCode(prev, 'values'), tasks: byCode(prev, 'tasks'), period: prevPeriod };

  const evidenceItems = [...items.indicators.map((i) => ['indicator', i.code, `${i.code}. ${i.name}`]),
    ...items.tasks.map((x) => ['task', x.code, `${t('mywork.task')} ${x.code}. ${x.name}`])];
  const evFile = h('input', { id: 'evidence-file', name: 'file', type: 'file', disabled: !editable,
    accept: '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx' });
  const evItem = h('select', { id: 'evidence-item', name: 'item', disabled: !editable },
    h('option', { value: '' }, t('mywork.wholeReport')),
    evidenceItems.map(([k, code, label]) => h('option', { value: `${k}:${code}` }, label)));
  const status = h('p', { id: 'mywork-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { id: 'mywork-form', novalidate: true },
    h('p', { class: 'error', id: 'mywork-error', role: 'alert', tabindex: '-1' }),
    h('h2', {}, t('plan.indicators')),
    items.indicators.length ? items.indicators.map((i) => indicatorFieldset(i, cur.values.get(i.code), editable, before.values.get(i.code), before.period))
      : h('p', { class: 'muted' }, t('mywork.noItems')),
    items.tasks.length ? [h('h2', {}, t('plan.tasks')), items.tasks.map((x) => taskFieldset(x, cur.tasks.get(x.code), editable, before.tasks.get(x.code), before.period))] : null,
    h('h2', {}, t('mywork.evidence')),
    h('div', { class: 'card' },
      field('evidence-item', t('mywork.evidenceFor'), evItem),
      field('evidence-file', t('mywork.evidenceFile'), evFile, t('mywork.evidenceHint')),
      (rep?.evidence || []).length ? h('ul', { id: 'evidence-list' }, rep.evidence.map((ev) =>
        h('li', {}, h('a', { href: `/api/v1/evidence/${ev.id}` }, ev.name), ev.indicator ? ` (${ev.indicator})` : ev.task ? ` (${ev.task})` : ''))) : null),
    h('h2', {}, t('mywork.texts')),
    h('div', { class: 'card' }, TEXTS.map(([k, key]) => field('text-' + k, t(key),
      h('textarea', { id: 'text-' + k, name: k, rows: 3, disabled: !editable }, rep?.[k] || '')))),
    editable ? h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'secondary', id: 'mywork-save', value: 'save' }, t('mywork.save')),
      h('button', { type: 'submit', class: 'primary', id: 'mywork-submit', value: 'submit' }, t('mywork.submit'))) : null,
    status);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const submit = ev.submitter?.value === 'submit';
    const buttons = form.querySelectorAll('.actions button');
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    let csv;
    try { csv = toCsv(form); } catch (e) { showError(form, e); return; }
    buttons.forEach((b) => { b.disabled = true; });
    status.textContent = t('mywork.saving');
    try {
      await api('PUT', reportPath(planId, org, period), new Blob([csv], { type: 'text/csv' }));
      if (evFile.files.length) {
        const fd = new FormData();
        fd.append('file', evFile.files[0]);
        if (evItem.value) {
          const [k, code] = evItem.value.split(/:(.*)/s);
          fd.append('item_kind', k);
          fd.append('item', code);
        }
        try { await api('POST', reportPath(planId, org, period, '/evidence'), fd); } catch (e) {
          e.field = e.field === 'file' || !e.field ? 'evidence-file' : e.field;
          throw e;
        }
      }
      if (submit) {
        const r = await api('POST', reportPath(planId, org, period, '/submit'));
        location.hash = `#/my-work/${planId}/${org}/${encodeURIComponent(period)}`;
        await renderForm(main, ctx);
        main.querySelector('#mywork-status').textContent = r && r.missing
          ? t('mywork.submittedMissing', { n: r.missing }) : t('mywork.submitted');
        return;
      }
      await renderForm(main, ctx);
      main.querySelector('#mywork-status').textContent = t('mywork.saved');
    } catch (e) {
      status.textContent = '';
      showError(form, e);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });

  mount(main,
    h('p', {}, h('a', { href: '#/my-work' }, t('mywork.back'))),
    h('h1', {}, `${orgName} · ${t('mywork.period')} ${period}`),
    h('div', { class: 'card', id: 'mywork-head' },
      h('p', {}, t('mywork.deadline'), ' ', h('strong', {}, deadline || '—'), ' ', countdown(deadline)),
      h('p', {}, t('mywork.state'), ' ', h('strong', { id: 'mywork-state', 'data-state': state || 'none' },
        state ? t('state.' + state) : t('state.none')),
        rep?.version ? ` · ${t('mywork.version')} ${rep.version}` : ''),
      rep?.submitted_at ? h('p', { class: 'muted' }, t('mywork.submittedAt'), ' ', fmtDate(rep.submitted_at)) : null,
      state === 'returned' && rep?.reason ? h('p', { class: 'error', id: 'mywork-reason' }, t('mywork.returned'), ' ', rep.reason) : null),
    form);
}

export async function render(main, ctx) {
  if (ctx.args.length >= 3) return renderForm(main, ctx);
  return renderList(main);
}
