// views/planedit.js — the coordinator's forms for one item of a plan
// (routed by plan.js):
//   #/plan/ID/edit/KIND/ROWID    name, group, yearly targets, due date,
//                                basis (indicator) or outputs, funding (task)
//                                → PATCH /api/v1/plans/ID/{indicators|tasks}/CODE
//   #/plan/ID/assign/KIND/ROWID  lead and support units, chosen from
//                                GET /api/v1/plans/ID/units
//                                → PUT /api/v1/plans/ID/assignments/KIND/CODE
// Only the fields changed are sent. A target row left as it was is sent as
// stored (so a target the importer read from a long sentence is not read
// again); a changed row is sent as its words, read by the server as the
// importer reads targets, or as a target without a number when marked so.
// The server names a wrong field ("targets[1].text"); its message is shown
// beside that field, which gets the focus. After saving, the plan screen
// shows "saved" and focuses the row.
import { api, get } from '../api.js';
import { h, mount } from '../dom.js';
import { t, addMessages } from '../i18n.js';

addMessages({
  vi: {
    'pe.edit.title': 'Sửa {k} {code}', 'pe.assign.title': 'Phân công {k} {code}',
    'pe.f.name': 'Tên', 'pe.f.group': 'Nhóm', 'pe.f.nogroup': '(không thuộc nhóm nào)',
    'pe.f.targets': 'Mục tiêu theo năm', 'pe.f.year': 'Năm', 'pe.f.target': 'Mục tiêu',
    'pe.f.target.hint': 'Viết như trong kế hoạch, ví dụ "Đạt tối thiểu 70%", "01 doanh nghiệp/1.000 dân".',
    'pe.f.qualitative': 'Mục tiêu không có số (định tính)', 'pe.f.remove': 'Bỏ mục tiêu năm {y}',
    'pe.f.remove.short': 'Bỏ', 'pe.f.add': 'Thêm mục tiêu một năm',
    'pe.f.due': 'Thời hạn', 'pe.f.due.hint': 'Ví dụ "Tháng 12/2026", "Quý II năm 2026", "Thường xuyên".',
    'pe.f.basis': 'Căn cứ thực hiện', 'pe.f.outputs': 'Sản phẩm (mỗi dòng một sản phẩm)', 'pe.f.funding': 'Nguồn kinh phí',
    'pe.save': 'Lưu thay đổi', 'pe.cancel': 'Quay lại kế hoạch', 'pe.nochange': 'Chưa có thay đổi nào để lưu.',
    'pe.saved': 'Đã lưu {k} {code}.', 'pe.saving': 'Đang lưu…',
    'pe.notallowed': 'Chỉ điều phối viên hoặc quản trị được sửa kế hoạch.',
    'pe.notfound': 'Không tìm thấy mục này trong kế hoạch.',
    'pe.lead': 'Chủ trì', 'pe.support': 'Phối hợp',
    'pe.units.hint': 'Chọn một hoặc nhiều đơn vị. Đơn vị cũ thôi phụ trách từ hôm nay; các kỳ trước vẫn tính theo phân công cũ.',
    'pe.commune': '{name} (UBND xã)',
    'pe.unresolved.title': 'Tên chưa gán đơn vị',
    'pe.unresolved.text': 'Kế hoạch ghi các tên này nhưng chưa gắn với đơn vị nào. Chọn các đơn vị tương ứng ở vai trò đó rồi lưu: tên sẽ được thay bằng các đơn vị đã chọn.',
    'pe.current': 'Hiện tại: {names}',
  },
  en: {
    'pe.edit.title': 'Edit {k} {code}', 'pe.assign.title': 'Reassign {k} {code}',
    'pe.f.name': 'Name', 'pe.f.group': 'Group', 'pe.f.nogroup': '(no group)',
    'pe.f.targets': 'Targets by year', 'pe.f.year': 'Year', 'pe.f.target': 'Target',
    'pe.f.target.hint': 'As the plan writes it, for example "Đạt tối thiểu 70%", "01 doanh nghiệp/1.000 dân".',
    'pe.f.qualitative': 'Target without a number (qualitative)', 'pe.f.remove': 'Remove the {y} target',
    'pe.f.remove.short': 'Remove', 'pe.f.add': 'Add a year\'s target',
    'pe.f.due': 'Due', 'pe.f.due.hint': 'For example "Tháng 12/2026", "Quý II năm 2026", "Thường xuyên".',
    'pe.f.basis': 'Basis', 'pe.f.outputs': 'Outputs (one per line)', 'pe.f.funding': 'Funding',
    'pe.save': 'Save changes', 'pe.cancel': 'Back to the plan', 'pe.nochange': 'Nothing has changed yet.',
    'pe.saved': 'Saved {k} {code}.', 'pe.saving': 'Saving…',
    'pe.notallowed': 'Only a coordinator or an admin may change the plan.',
    'pe.notfound': 'This item is not in the plan.',
    'pe.lead': 'Lead', 'pe.support': 'Support',
    'pe.units.hint': 'Choose one or more units. Units removed stop answering for it from today; earlier periods keep the old assignment.',
    'pe.commune': '{name} (commune)',
    'pe.unresolved.title': 'Names with no unit',
    'pe.unresolved.text': 'The plan names these but they are linked to no unit. Choose the matching units in that role and save: the name is replaced by the units chosen.',
    'pe.current': 'Now: {names}',
  },
});

// The message shown once on the plan screen after a save.
let flash = null;
export function takeFlash(planId) {
  const f = flash && String(flash.planId) === String(planId) ? flash : null;
  flash = null;
  return f;
}

const kindName = (kind) => t('pe.kind.' + kind);

// The plan, its assignment list, the item's entry and its dti.plan/1 object.
async function load(planId, kind, itemId) {
  const [p, a] = await Promise.all([get(`/api/v1/plans/${encodeURIComponent(planId)}`),
    get(`/api/v1/plans/${encodeURIComponent(planId)}/assignments`)]);
  const its = a.items.filter((i) => i.kind === kind);
  const idx = its.findIndex((i) => i.id === itemId);
  const xs = kind === 'task' ? p.tasks || [] : p.indicators || [];
  const x = idx >= 0 && xs.length === its.length ? xs[idx] : null;
  return { p, entry: idx >= 0 ? its[idx] : null, x: x && (x.code ?? '') === its[idx].code ? x : null };
}

// The path of the item's API resource (?group= where the code repeats).
function itemPath(planId, kind, entry, base) {
  const q = `?group=${encodeURIComponent(entry.group || '')}`;
  return `/api/v1/plans/${encodeURIComponent(planId)}/${base}/${encodeURIComponent(entry.code)}${q}`;
}

function field(id, label, input, hint) {
  if (hint) input.setAttribute('aria-describedby', id + '-hint');
  return h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('p', { class: 'muted hint', id: id + '-hint' }, hint) : null,
    h('p', { class: 'error', id: id + '-error', role: 'alert', 'data-field-error': id }));
}

// The element id of the server's FIELD ("targets[1].text" → pe-targets-1-text).
function fieldId(f) {
  if (!f) return null;
  if (f === 'due') return 'pe-due_text';
  return 'pe-' + f.replace(/[[\].]+/g, '-').replace(/-$/, '');
}

function clearErrors(form) {
  for (const el of form.querySelectorAll('[data-field-error]')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  form.querySelector('#pe-error').textContent = '';
}

// ERR beside its field when the form has one, else at the top; focus there.
function showError(form, err) {
  clearErrors(form);
  const id = fieldId(err.field);
  const box = id && form.querySelector('#' + CSS.escape(id + '-error'));
  if (box) {
    box.textContent = err.message;
    const input = form.querySelector('#' + CSS.escape(id));
    if (input && input.tagName !== 'FIELDSET') {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } else {
      box.setAttribute('tabindex', '-1');
      box.focus();
    }
    return;
  }
  const top = form.querySelector('#pe-error');
  top.textContent = err.message;
  top.focus();
}

function backLink(planId) {
  return h('p', {}, h('a', { href: `#/plan/${planId}` }, t('pe.cancel')));
}

function refuse(main, planId, key) {
  mount(main, backLink(planId), h('p', { class: 'error', role: 'alert' }, t(key)));
}

// ---- the edit form ----------------------------------------------------------------

// One target row; ORIG the stored target (null for a new row).
function targetRow(orig, onRemove) {
  const row = h('div', { class: 'target-row' });
  row.orig = orig;
  const year = h('input', { type: 'number', inputmode: 'numeric', min: 1900, max: 2200, value: orig ? orig.year : '', class: 't-year' });
  const text = h('input', { type: 'text', value: orig ? orig.text || '' : '', class: 't-text' });
  const qual = h('input', { type: 'checkbox', class: 't-qual', checked: orig ? orig.op === 'text' : false });
  const rm = h('button', { type: 'button', class: 'secondary t-remove' }, t('pe.f.remove.short'));
  rm.addEventListener('click', () => onRemove(row));
  row.append(
    h('div', { class: 'field t-year-f' }, h('label', {}, t('pe.f.year')), year, h('p', { class: 'error', role: 'alert', 'data-field-error': 'y' })),
    h('div', { class: 'field t-text-f' }, h('label', {}, t('pe.f.target')), text, h('p', { class: 'error', role: 'alert', 'data-field-error': 't' })),
    h('div', { class: 'check' }, qual, h('label', {}, t('pe.f.qualitative'))),
    rm);
  return row;
}

// Give the rows of BOX ids by position: the server names targets[i].
function renumber(box) {
  [...box.querySelectorAll('.target-row')].forEach((row, i) => {
    const set = (sel, id) => {
      const input = row.querySelector(sel);
      input.id = id;
      const f = input.closest('.field, .check');
      f.querySelector('label').setAttribute('for', id);
      const err = f.querySelector('[data-field-error]');
      if (err) { err.id = id + '-error'; err.dataset.fieldError = id; }
    };
    set('.t-year', `pe-targets-${i}-year`);
    set('.t-text', `pe-targets-${i}-text`);
    set('.t-qual', `pe-targets-${i}-qual`);
    const y = row.querySelector('.t-year').value || '…';
    row.querySelector('.t-remove').setAttribute('aria-label', t('pe.f.remove', { y }));
    row.querySelector('.t-text').setAttribute('aria-describedby', 'pe-targets-hint');
  });
}

// The targets of BOX as the API takes them, and whether any differs from ORIG.
function readTargets(box, orig) {
  const rows = [...box.querySelectorAll('.target-row')];
  let changed = rows.length !== orig.length;
  const out = rows.map((row, i) => {
    const year = Number(row.querySelector('.t-year').value);
    const text = row.querySelector('.t-text').value.trim();
    const qual = row.querySelector('.t-qual').checked;
    const o = row.orig;
    if (o && o === orig[i] && o.year === year && (o.text || '') === text && (o.op === 'text') === qual) {
      return o.op === 'text' ? { year, op: 'text', text } : { year, op: o.op, value: o.value, unit: o.unit, text: o.text };
    }
    changed = true;
    return qual ? { year, op: 'text', text } : { year, text };
  });
  return { targets: out, changed };
}

export async function renderEdit(main, { planId, kind, itemId, user }) {
  if (!(user && (user.role === 'admin' || user.role === 'coordinator'))) return refuse(main, planId, 'pe.notallowed');
  const { p, entry, x } = await load(planId, kind, itemId);
  if (!entry || !x) return refuse(main, planId, 'pe.notfound');
  const isTask = kind === 'task';
  const groupSel = h('select', { id: 'pe-group' },
    h('option', { value: '' }, t('pe.f.nogroup')),
    (p.groups || []).map((g) => h('option', { value: g.code, selected: g.code === x.group }, `${g.code}. ${g.name}`)));
  if (x.group && !(p.groups || []).some((g) => g.code === x.group)) groupSel.append(h('option', { value: x.group, selected: true }, x.group));
  const name = h('textarea', { id: 'pe-name', rows: 2, required: true }, x.name || '');
  const due = h('input', { id: 'pe-due_text', type: 'text', value: x.due_text || '' });
  const extra = isTask
    ? h('input', { id: 'pe-funding', type: 'text', value: x.funding || '' })
    : h('textarea', { id: 'pe-basis', rows: 2 }, x.basis || '');
  const outputs = isTask ? h('textarea', { id: 'pe-outputs', rows: 4 }, (x.outputs || []).join('\n')) : null;

  const origTargets = x.targets || [];
  const box = h('div', { class: 'targets' });
  const remove = (row) => { row.remove(); renumber(box); };
  for (const tg of origTargets) box.append(targetRow(tg, remove));
  const add = h('button', { type: 'button', class: 'secondary', id: 'pe-add-target' }, t('pe.f.add'));
  add.addEventListener('click', () => {
    const row = targetRow(null, remove);
    const years = [...box.querySelectorAll('.t-year')].map((i) => Number(i.value)).filter(Boolean);
    row.querySelector('.t-year').value = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
    box.append(row);
    renumber(box);
    row.querySelector('.t-text').focus();
  });
  renumber(box);

  const save = h('button', { type: 'submit', class: 'primary' }, t('pe.save'));
  const form = h('form', { class: 'card', id: 'pe-form', novalidate: true },
    h('p', { class: 'error', id: 'pe-error', role: 'alert', tabindex: '-1' }),
    field('pe-name', t('pe.f.name'), name),
    field('pe-group', t('pe.f.group'), groupSel),
    isTask ? field('pe-outputs', t('pe.f.outputs'), outputs) : h('fieldset', { class: 'targets-f', id: 'pe-targets' },
      h('legend', {}, t('pe.f.targets')),
      h('p', { class: 'muted hint', id: 'pe-targets-hint' }, t('pe.f.target.hint')),
      h('p', { class: 'error', id: 'pe-targets-error', role: 'alert', 'data-field-error': 'pe-targets', tabindex: '-1' }),
      box, add),
    field('pe-due_text', t('pe.f.due'), due, t('pe.f.due.hint')),
    isTask ? field('pe-funding', t('pe.f.funding'), extra) : field('pe-basis', t('pe.f.basis'), extra),
    h('p', { class: 'muted', id: 'pe-note', role: 'status' }),
    h('div', { class: 'actions' }, save));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const note = form.querySelector('#pe-note');
    const body = {};
    const val = (el) => el.value.trim().replace(/\s+/g, ' ');
    if (val(name) !== (x.name || '')) body.name = val(name);
    if (groupSel.value !== (x.group || '')) body.group = groupSel.value || null;
    if (val(due) !== (x.due_text || '')) body.due_text = val(due) || null;
    const optKey = isTask ? 'funding' : 'basis';
    if (val(extra) !== (x[optKey] || '')) body[optKey] = val(extra) || null;
    if (isTask) {
      const outs = outputs.value.split('\n').map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
      if (JSON.stringify(outs) !== JSON.stringify(x.outputs || [])) body.outputs = outs;
    } else {
      const r = readTargets(box, origTargets);
      if (r.changed) body.targets = r.targets;
    }
    if (!Object.keys(body).length) { note.textContent = t('pe.nochange'); return; }
    save.disabled = true;
    note.textContent = t('pe.saving');
    try {
      await api('PATCH', itemPath(planId, kind, entry, isTask ? 'tasks' : 'indicators'), body);
      flash = { planId, text: t('pe.saved', { k: kindName(kind), code: entry.code }), row: `row-${kind}-${itemId}` };
      location.hash = `#/plan/${planId}`;
    } catch (e) {
      note.textContent = '';
      save.disabled = false;
      showError(form, e);
    }
  });

  mount(main, backLink(planId),
    h('h1', {}, t('pe.edit.title', { k: kindName(kind), code: entry.code })),
    h('p', { class: 'muted' }, x.name, ' · ', h('a', { href: `#/history/${kind}/${itemId}` }, t('pe.history'))),
    form);
  name.focus();
}

// ---- the reassign form ----------------------------------------------------------------

function unitBox(role, orgs, current, open) {
  const chosen = new Set(current.map((o) => o.org_id));
  const names = [...current.map((o) => o.name), ...open.map((n) => `${n} (${t('pe.unresolved')})`)];
  return h('fieldset', { class: 'units', id: `pe-${role}` },
    h('legend', {}, t('pe.' + role)),
    h('p', { class: 'muted' }, t('pe.current', { names: names.join('; ') || '—' })),
    h('p', { class: 'error', id: `pe-${role}-error`, role: 'alert', 'data-field-error': `pe-${role}`, tabindex: '-1' }),
    h('ul', { class: 'plain unit-list' }, orgs.map((o) => h('li', { class: 'check' },
      h('input', { type: 'checkbox', id: `pe-${role}-${o.id}`, value: o.id, checked: chosen.has(o.id) }),
      h('label', { for: `pe-${role}-${o.id}` }, o.label,
        o.aliases && o.aliases.length ? h('span', { class: 'muted aliases' }, ` (${o.aliases.join(', ')})`) : null)))));
}

// The ids chosen in ROLE's box: the current ones first, in their order.
function chosenIds(form, role, current) {
  const ids = [...form.querySelectorAll(`#pe-${role} input[type=checkbox]:checked`)].map((i) => Number(i.value));
  const cur = current.map((o) => o.org_id).filter((id) => ids.includes(id));
  return [...cur, ...ids.filter((id) => !cur.includes(id))];
}

export async function renderAssign(main, { planId, kind, itemId, user }) {
  if (!(user && (user.role === 'admin' || user.role === 'coordinator'))) return refuse(main, planId, 'pe.notallowed');
  const [{ entry }, u] = await Promise.all([load(planId, kind, itemId), get(`/api/v1/plans/${encodeURIComponent(planId)}/units`)]);
  if (!entry) return refuse(main, planId, 'pe.notfound');
  const orgs = [
    ...(u.commune ? [{ id: u.commune.id, label: t('pe.commune', { name: u.commune.name }), aliases: [] }] : []),
    ...u.units.map((o) => ({ id: o.id, label: o.name, aliases: o.aliases }))];
  const open = [...(entry.lead_unresolved || []).map((n) => `${n} (${t('pe.lead').toLowerCase()})`),
    ...(entry.support_unresolved || []).map((n) => `${n} (${t('pe.support').toLowerCase()})`)];
  const save = h('button', { type: 'submit', class: 'primary' }, t('pe.save'));
  const form = h('form', { class: 'card', id: 'pe-assign-form', novalidate: true },
    h('p', { class: 'error', id: 'pe-error', role: 'alert', tabindex: '-1' }),
    open.length ? h('div', { class: 'unresolved-note', id: 'pe-unresolved' },
      h('h2', {}, t('pe.unresolved.title')), h('ul', {}, open.map((n) => h('li', {}, n, ' — ', h('span', { class: 'badge unresolved' }, t('pe.unresolved'))))),
      h('p', { class: 'muted' }, t('pe.unresolved.text'))) : null,
    h('p', { class: 'muted' }, t('pe.units.hint')),
    unitBox('lead', orgs, entry.lead, entry.lead_unresolved || []),
    unitBox('support', orgs, entry.support, entry.support_unresolved || []),
    h('p', { class: 'muted', id: 'pe-note', role: 'status' }),
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const note = form.querySelector('#pe-note');
    const body = {};
    for (const role of ['lead', 'support']) {
      const ids = chosenIds(form, role, entry[role]);
      const cur = entry[role].map((o) => o.org_id);
      if (JSON.stringify(ids) !== JSON.stringify(cur)) body[role] = ids;
    }
    if (!Object.keys(body).length) { note.textContent = t('pe.nochange'); return; }
    save.disabled = true;
    note.textContent = t('pe.saving');
    try {
      await api('PUT', itemPath(planId, kind, entry, 'assignments/' + kind), body);
      flash = { planId, text: t('pe.saved', { k: kindName(kind), code: entry.code }), row: `row-${kind}-${itemId}` };
      location.hash = `#/plan/${planId}`;
    } catch (e) {
      note.textContent = '';
      save.disabled = false;
      showError(form, e);
    }
  });
  mount(main, backLink(planId),
    h('h1', {}, t('pe.assign.title', { k: kindName(kind), code: entry.code })),
    h('p', { class: 'muted' }, entry.name, ' · ', h('a', { href: `#/history/${kind}/${itemId}` }, t('pe.history'))),
    form);
  form.querySelector('input[type=checkbox]')?.focus();
}
