// export.js — "Tải báo cáo" on the dashboard: the commune's official report
// (Word), the workbook (Excel) and the open data (CSV) of a period chosen
// from the plan's calendar (or a year: the year-end summary), with next
// period's focus editable before the Word file is made; and, for a user
// whose scope is a province, the province's summary (Word, Excel). Shown
// to the coordinator, the viewers (chairman, province) and the admin; a
// reporter does not issue the commune's report (app/outputs.h). The files
// come from POST /api/v1/plans/:id/export/:period and GET /api/v1/
// provinces/:pid/export/:period (src/http/api_export.c); the server checks
// the permission and audits each download. "Xem bản in" opens the same
// report as a print view (?format=html, styled by /print.css) in a new tab.
import { h } from './dom.js';
import { api, get } from './api.js';
import { t, addMessages, getLang } from './i18n.js';
import { periodLabel } from './periods.js';

addMessages({
  vi: {
    'export.title': 'Tải báo cáo',
    'export.period': 'Chọn kỳ báo cáo',
    'export.yearSummary': 'Báo cáo tổng kết năm {y}',
    'export.word': 'Báo cáo (Word)',
    'export.excel': 'Bảng số liệu (Excel)',
    'export.csv': 'Dữ liệu mở (CSV)',
    'export.print': 'Xem bản in',
    'export.number': 'Số văn bản (để trống nếu đánh số khi phát hành)',
    'export.focus': 'Nhiệm vụ trọng tâm kỳ tới (mỗi dòng một nhiệm vụ; để trống để hệ thống đề xuất)',
    'export.focusSummary': 'Sửa nội dung trước khi tải',
    'export.province': 'Báo cáo của tỉnh {name}',
    'export.provinceWord': 'Tổng hợp các xã (Word)',
    'export.provinceExcel': 'Tổng hợp các xã (Excel)',
    'export.busy': 'Đang tạo tệp…',
    'export.done': 'Đã tải {name}.',
    'export.note': 'Chỉ số liệu đã duyệt được đưa vào; mỗi lần tải được ghi vào nhật ký.',
  },
  en: {
    'export.title': 'Download reports',
    'export.period': 'Report for',
    'export.yearSummary': 'Year-end summary {y}',
    'export.word': 'Report (Word)',
    'export.excel': 'Figures (Excel)',
    'export.csv': 'Open data (CSV)',
    'export.print': 'Print view',
    'export.number': 'Document number (empty when numbered on issue)',
    'export.focus': 'Next period\'s focus (one item a line; empty: as the system proposes)',
    'export.focusSummary': 'Edit before downloading',
    'export.province': 'Report of {name} province',
    'export.provinceWord': 'Communes summary (Word)',
    'export.provinceExcel': 'Communes summary (Excel)',
    'export.busy': 'Making the file…',
    'export.done': 'Downloaded {name}.',
    'export.note': 'Approved figures only; every download is logged.',
  },
});

const ROLES = ['coordinator', 'viewer', 'admin'];

// The file name the server gave (Content-Disposition), else FALLBACK.
function fileName(res, fallback) {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '');
  return m ? m[1] : fallback;
}

// Fetch PATH (POST with BODY when given) and save the answer as a file;
// an error's message in STATUS.
async function download(path, body, status) {
  status.textContent = t('export.busy');
  status.className = 'muted';
  const headers = { 'Accept-Language': getLang() };
  let res;
  try {
    if (body) {
      res = await fetch(path, { method: 'POST', credentials: 'same-origin',
        headers: { ...headers, 'Content-Type': 'application/json', 'X-CSRF-Token': exportCsrf() },
        body: JSON.stringify(body) });
    } else {
      res = await fetch(path, { credentials: 'same-origin', headers });
    }
  } catch {
    status.textContent = t('error.network');
    status.className = 'error';
    return;
  }
  if (!res.ok) {
    let msg = res.statusText;
    try { msg = (await res.json()).error.message || msg; } catch { /* not JSON */ }
    status.textContent = msg;
    status.className = 'error';
    status.setAttribute('role', 'alert');
    return;
  }
  const blob = await res.blob();
  const name = fileName(res, 'dti-export');
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status.textContent = t('export.done', { name });
  status.removeAttribute('role');
}

// The CSRF token for the POST: api.js keeps its own private (and answers
// JSON only), so the session's /me is asked for it once per control.
let csrfToken = '';
function exportCsrf() { return csrfToken; }

// The control for plan PLAN_ID, PERIOD preselected, as the user of CTX sees
// it; null for a role that does not export.
export async function exportControl(ctx, planId, period) {
  const user = ctx.user || {};
  if (!ROLES.includes(user.role)) return null;
  try { csrfToken = (await api('GET', '/api/v1/me')).csrf_token || ''; } catch { csrfToken = ''; }
  const year = /^\d{4}/.exec(period)?.[0] || String(new Date().getUTCFullYear());
  let periods = [];
  try { periods = (await get(`/api/v1/plans/${encodeURIComponent(planId)}/periods?year=${year}`)).periods || []; } catch { /* none */ }
  const codes = periods.map((p) => p.code);
  if (period && !codes.includes(period) && period !== year) codes.push(period);
  const sel = h('select', { id: 'export-period', name: 'period' },
    codes.map((c) => h('option', { value: c, selected: c === period }, periodLabel(c))),
    h('option', { value: year }, t('export.yearSummary', { y: year })));
  if (!codes.includes(period)) sel.value = year;
  const number = h('input', { id: 'export-number', name: 'number', inputmode: 'numeric', size: 6 });
  const focus = h('textarea', { id: 'export-focus', name: 'focus', rows: 4, cols: 60 });
  const status = h('p', { class: 'muted', id: 'export-status', 'aria-live': 'polite' });
  const base = () => `/api/v1/plans/${encodeURIComponent(planId)}/export/${encodeURIComponent(sel.value)}`;
  const button = (id, label, format) => h('button', { type: 'button', id,
    onclick: () => download(base(), { format, number: number.value.trim(), focus: format === 'docx' ? focus.value : '' }, status) }, label);
  const printHref = () => `${base()}?format=html${number.value.trim() ? `&number=${encodeURIComponent(number.value.trim())}` : ''}`;
  const print = h('a', { id: 'export-print', class: 'button', target: '_blank', rel: 'noopener', href: printHref() },
    t('export.print'));
  const syncPrint = () => { print.href = printHref(); };
  sel.addEventListener('change', syncPrint);
  number.addEventListener('input', syncPrint);
  const parts = [
    h('div', { class: 'field' }, h('label', { for: 'export-period' }, t('export.period')), sel),
    h('div', { class: 'field' }, h('label', { for: 'export-number' }, t('export.number')), number),
    h('details', {}, h('summary', {}, t('export.focusSummary')),
      h('div', { class: 'field' }, h('label', { for: 'export-focus' }, t('export.focus')), focus)),
    h('p', { class: 'actions' },
      button('export-docx', t('export.word'), 'docx'), ' ',
      button('export-xlsx', t('export.excel'), 'xlsx'), ' ',
      button('export-csv', t('export.csv'), 'csv'), ' ',
      // the same report as a page to print (the focus the system proposes; the number given above)
      print),
  ];
  // a province's user: the summary over its communes
  try {
    const { orgs } = await get('/api/v1/orgs');
    const mine = (orgs || []).find((o) => o.id === user.org_id && o.kind === 'province');
    if (mine) {
      const pbase = () => `/api/v1/provinces/${mine.id}/export/${encodeURIComponent(sel.value)}`;
      parts.push(h('p', { class: 'actions' }, t('export.province', { name: mine.name }), ' ',
        h('button', { type: 'button', id: 'export-province-docx', onclick: () => download(`${pbase()}?format=docx`, null, status) },
          t('export.provinceWord')), ' ',
        h('button', { type: 'button', id: 'export-province-xlsx', onclick: () => download(`${pbase()}?format=xlsx`, null, status) },
          t('export.provinceExcel'))));
    }
  } catch { /* no org list: no province control */ }
  parts.push(h('p', { class: 'muted' }, t('export.note')), status);
  return h('section', { id: 'export', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, t('export.title')), ...parts);
}
