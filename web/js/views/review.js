// views/review.js — Review (issue 4 §2), for a coordinator.
//   #/review                    the queue: every report submitted and
//                               waiting, of any period (month, quarter,
//                               half-year, year), oldest first — from the
//                               server (GET /plans/:id/reports?state=submitted,
//                               app/report.h report_queue), which decides who
//                               sees what: a viewer reads it, a reporter sees
//                               only its own unit's
//   #/review/PLAN/ORG/PERIOD    the report beside the previous period of the
//                               same kind (2026-Q3 beside 2026-Q4): values,
//                               tasks, texts and evidence; Return (a reason
//                               is required) or Approve.
// Issue 13 §6, evidence: each file with who attached it, when and its size
// (GET …/evidence, app/report/review.h); PDF, PNG and JPEG previewed in a
// sandboxed frame (GET /evidence/:id/view: inline with a CSP sandbox, every
// other type stays a download); "Đã kiểm tra" set per file (POST
// /evidence/:id/check); approving a report without evidence asks first.
import { api, get, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t, fmtNum, fmtDate, addMessages } from '../i18n.js';
import { value } from '../fmt.js';
import { stackify } from '../table.js';
import { flash } from '../flash.js';
import { previousPeriod, periodLabel, reportPath } from '../periods.js';
import { fmtDateTime } from '../dates.js';

async function getOrNull(path) {
  try { return await get(path); } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

async function renderQueue(main) {
  const { plans } = await get('/api/v1/plans');
  const queue = [];
  for (const p of plans) {
    const q = await getOrNull(`/api/v1/plans/${p.id}/reports?state=submitted`);
    for (const r of (q && q.reports) || []) queue.push({ plan: p, r });
  }
  queue.sort((a, b) => String(a.r.first_submitted_at || '').localeCompare(String(b.r.first_submitted_at || '')));
  mount(main, h('h1', {}, t('review.title')),
    queue.length === 0 ? h('p', { class: 'muted' }, t('review.empty')) :
      h('div', { class: 'table-wrap' }, stackify(h('table', { id: 'review-queue' },
        h('thead', {}, h('tr', {}, [t('review.unit'), t('mywork.period'), t('review.submittedAt'), t('review.timeliness'), '']
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, queue.map(({ plan, r }) => h('tr', { 'data-period': r.period, 'data-org': r.org_id },
          h('td', {}, r.org, plans.length > 1 ? h('span', { class: 'muted' }, ` · ${plan.title}`) : null),
          h('td', {}, periodLabel(r.period)),
          h('td', {}, fmtDateTime(r.first_submitted_at)),
          h('td', {}, r.timeliness?.label || ''),
          h('td', {}, h('a', { href: `#/review/${plan.id}/${r.org_id}/${encodeURIComponent(r.period)}` },
            r.can_review ? t('review.open') : t('review.view'))))))))));
}

const fmtV = (v) => {
  if (!v) return '—';
  if (v.met === true) return t('yes');
  if (v.met === false) return t('no');
  // a rate: "66,7% (14/21)"; a count or other figure: "8" (fmt.js)
  if (v.numerator !== null && v.numerator !== undefined) return `${value(v.value, '%')} (${fmtNum(v.numerator)}/${fmtNum(v.denominator)})`;
  return value(v.value);
};

async function renderReport(main, ctx) {
  const [planId, org, period] = ctx.args;
  const rep = await get(reportPath(planId, org, period));
  // who attached each file, when; whether checked (app/report/review.h)
  const more = await getOrNull(reportPath(planId, org, period, '/evidence'));
  const details = new Map(((more && more.evidence) || []).map((x) => [x.id, x]));
  const canCheck = ['admin', 'coordinator'].includes(ctx.user?.role);
  const pp = previousPeriod(period);
  const prev = pp ? await getOrNull(reportPath(planId, org, pp)) : null;
  const pv = new Map(((prev && prev.values) || []).map((v) => [v.code, v]));
  const pt = new Map(((prev && prev.tasks) || []).map((v) => [v.code, v]));
  const reason = h('textarea', { id: 'review-reason', name: 'reason', rows: 3, maxlength: 2000, 'aria-describedby': 'review-reason-error' });
  const err = h('p', { class: 'error', id: 'review-reason-error', role: 'alert' });
  const status = h('p', { id: 'review-status', role: 'status', 'aria-live': 'polite' });
  const act = async (what) => {
    err.textContent = '';
    const body = what === 'return' ? { reason: reason.value.trim() } : undefined;
    if (what === 'return' && !body.reason) {
      err.textContent = t('review.reasonRequired');
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    try {
      await api('POST', reportPath(planId, org, period, '/' + what), body);
      await renderReport(main, ctx);
      flash(main, t(what === 'return' ? 'review.returnedDone' : 'review.approvedDone'), { href: '#/review', text: t('review.back') });
    } catch (e) {
      err.textContent = e.message;
    }
  };
  // the server decides; a viewer or a reporter is not offered the decision
  const waiting = rep.state === 'submitted' && ['admin', 'coordinator'].includes(ctx.user?.role);
  const returnForm = h('form', { id: 'review-return', class: 'card', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'review-reason' }, t('review.reason')), reason, err),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'secondary', id: 'review-return-btn' }, t('review.return')),
      h('button', { type: 'button', class: 'primary', id: 'review-approve', onclick: () => approve() }, t('review.approve'))),
    h('div', { id: 'review-confirm', class: 'card warn', role: 'alertdialog', 'aria-labelledby': 'review-confirm-text', hidden: true },
      h('p', { id: 'review-confirm-text' }, t('review.noEvidenceConfirm')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'review-confirm-yes', onclick: () => act('approve') }, t('review.approveAnyway')),
        h('button', { type: 'button', class: 'secondary', id: 'review-confirm-no', onclick: () => {
          returnForm.querySelector('#review-confirm').hidden = true;
          returnForm.querySelector('#review-approve').focus();
        } }, t('review.cancel')))));
  // no evidence at all: the coordinator confirms before approving
  const approve = () => {
    if ((rep.evidence || []).length) { act('approve'); return; }
    const box = returnForm.querySelector('#review-confirm');
    box.hidden = false;
    box.querySelector('#review-confirm-yes').focus();
  };
  returnForm.addEventListener('submit', (ev) => { ev.preventDefault(); act('return'); });

  // approved means locked: a coordinator reopens it with a reason, which makes
  // a new version returned to the unit (app/report.h report_reopen)
  const reopenReason = h('textarea', { id: 'review-reopen-reason', name: 'reason', rows: 2, maxlength: 2000, 'aria-describedby': 'review-reopen-error' });
  const reopenErr = h('p', { class: 'error', id: 'review-reopen-error', role: 'alert' });
  const reopenForm = h('form', { id: 'review-reopen', class: 'card', novalidate: true },
    h('p', { class: 'muted' }, t('review.lockedHint')),
    h('div', { class: 'field' }, h('label', { for: 'review-reopen-reason' }, t('review.reopenReason')), reopenReason, reopenErr),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'review-reopen-btn' }, t('review.reopen'))));
  reopenForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    reopenErr.textContent = '';
    const why = reopenReason.value.trim();
    if (!why) {
      reopenErr.textContent = t('review.reasonRequired');
      reopenReason.setAttribute('aria-invalid', 'true');
      reopenReason.focus();
      return;
    }
    try {
      await api('POST', reportPath(planId, org, period, '/reopen'), { reason: why });
      await renderReport(main, ctx);
      main.querySelector('#review-status').textContent = t('review.reopenedDone');
    } catch (e) {
      reopenErr.textContent = e.message;
    }
  });
  const locked = rep.state === 'approved' && ['admin', 'coordinator'].includes(ctx.user?.role);

  mount(main,
    h('p', {}, h('a', { href: '#/review' }, t('review.back'))),
    h('h1', {}, `${rep.org} · ${periodLabel(period)}`),
    h('div', { class: 'card' },
      h('p', {}, t('mywork.state'), ' ', h('strong', { id: 'review-state', 'data-state': rep.state }, t('state.' + rep.state)),
        ` · ${t('mywork.version')} ${rep.version}`),
      h('p', {}, t('review.submittedAt'), ' ', fmtDateTime(rep.first_submitted_at), ' · ', rep.timeliness?.label || ''),
      rep.reason ? h('p', { class: 'muted' }, t('review.lastReason'), ' ', rep.reason) : null,
      rep.self_approved ? h('p', { id: 'review-self-approved' }, t('review.selfApproved')) : null,
      rep.id ? h('p', {}, h('a', { href: `#/history/report/${rep.id}`, id: 'review-history' }, t('history.ofReport'))) : null),
    h('h2', {}, t('plan.indicators')),
    h('div', { class: 'table-wrap' }, stackify(h('table', { id: 'review-values' },
      h('thead', {}, h('tr', {}, [t('plan.code'), t('plan.name'), t('review.thisPeriod', { p: periodLabel(period) }), t('review.prevPeriod', { p: pp ? periodLabel(pp) : '—' }), t('mywork.note')]
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, (rep.values || []).map((v) => h('tr', { 'data-code': v.code },
        h('td', {}, v.code), h('td', {}, v.name), h('td', { class: 'num' }, fmtV(v)), h('td', { class: 'num' }, fmtV(pv.get(v.code))),
        h('td', {}, v.note || ''))))))),
    (rep.tasks || []).length ? [h('h2', {}, t('plan.tasks')),
      h('div', { class: 'table-wrap' }, stackify(h('table', {},
        h('thead', {}, h('tr', {}, [t('plan.code'), t('plan.name'), t('review.thisPeriod', { p: periodLabel(period) }), t('review.prevPeriod', { p: pp ? periodLabel(pp) : '—' }), t('mywork.products')]
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rep.tasks.map((x) => {
          const o = pt.get(x.code);
          return h('tr', {}, h('td', {}, x.code), h('td', {}, x.name),
            h('td', {}, `${x.status || '—'} · ${value(x.percent, '%')}`),
            h('td', {}, o ? `${o.status || '—'} · ${value(o.percent, '%')}` : '—'), h('td', {}, x.products || ''));
        })))))] : null,
    h('h2', {}, t('mywork.texts')),
    h('dl', { class: 'card' }, [['results', 'mywork.results'], ['difficulties', 'mywork.difficulties'], ['proposals', 'mywork.proposals']]
      .map(([k, key]) => [h('dt', {}, t(key)), h('dd', {}, rep[k] || '—')])),
    h('h2', {}, t('mywork.evidence')),
    (rep.evidence || []).length ? evidenceList(rep.evidence, details, canCheck) : h('p', { class: 'muted', id: 'review-no-evidence' }, t('review.noEvidence')),
    h('div', { id: 'review-preview', class: 'preview', hidden: true }),
    waiting ? [h('h2', {}, t('review.decision')), returnForm] : null,
    locked ? [h('h2', {}, t('review.reopenTitle')), reopenForm] : null,
    status);
}

// A size as people read it: "820 byte", "14 KB", "1,2 MB".
function fmtSize(n) {
  if (n === null || n === undefined) return '';
  if (n < 1024) return `${n} byte`;
  if (n < 1024 * 1024) return `${fmtNum(Math.round(n / 1024))} KB`;
  return `${fmtNum(Math.round((n / 1048576) * 10) / 10)} MB`;
}

// The evidence files as cards: the name (the download link) and item,
// uploader, time, size; a preview button (PDF, PNG, JPEG), and "Đã kiểm tra"
// (CANCHECK: a coordinator or an admin) saved at once.
function evidenceList(list, details, canCheck) {
  return h('ul', { id: 'review-evidence', class: 'cards evidence' }, list.map((ev) => {
    const d = details.get(ev.id) || {};
    const checked = d.checked ?? ev.checked ?? false;
    const box = h('input', { type: 'checkbox', id: `ev-check-${ev.id}`, checked, disabled: !canCheck });
    const who = h('span', { class: 'muted', id: `ev-checked-by-${ev.id}` }, checked && d.checked_by ? t('review.checkedBy', { n: d.checked_by }) : '');
    const msg = h('span', { class: 'error', role: 'alert', id: `ev-error-${ev.id}` });
    box.addEventListener('change', async () => {
      msg.textContent = '';
      box.disabled = true;
      try {
        await api('POST', `/api/v1/evidence/${ev.id}/check`, { checked: box.checked });
        who.textContent = box.checked ? t('review.checkedNow') : '';
      } catch (e) {
        box.checked = !box.checked;
        msg.textContent = e.message;
      } finally {
        box.disabled = false;
      }
    });
    const preview = d.preview ?? /^(application\/pdf|image\/(png|jpeg))$/.test(ev.media_type || '');
    return h('li', { 'data-evidence': ev.id, 'data-checked': checked ? '1' : '0' },
      h('p', {}, h('a', { href: `/api/v1/evidence/${ev.id}`, id: `ev-download-${ev.id}`, class: 'ev-name', title: t('review.download') }, ev.name), ev.indicator ? ` · ${t('review.forIndicator', { c: ev.indicator })}` : ev.task ? ` · ${t('review.forTask', { c: ev.task })}` : ''),
      h('p', { class: 'muted ev-meta' }, [d.attached_by ? t('review.attachedBy', { n: d.attached_by }) : null,
        d.attached_at ? fmtDateTime(d.attached_at) : null, fmtSize(d.size ?? ev.size)].filter(Boolean).join(' · ')),
      h('div', { class: 'actions' },
        preview ? h('button', { type: 'button', class: 'secondary', id: `ev-preview-${ev.id}`,
          onclick: () => showPreview(ev, d) }, t('review.preview')) : null),
      h('p', { class: 'check' }, box, ' ', h('label', { for: `ev-check-${ev.id}` }, t('review.checked')), ' ', who, ' ', msg));
  }));
}

// The file EV in the preview frame: sandboxed (no script, no origin of
// ours), and the server sends it with a CSP sandbox too (api_review.c).
function showPreview(ev, d) {
  const box = document.getElementById('review-preview');
  const src = `/api/v1/evidence/${ev.id}/view`;
  const isPdf = (d.media_type || ev.media_type) === 'application/pdf';
  mount(box,
    h('h3', { id: 'review-preview-title' }, t('review.previewOf', { n: ev.name })),
    h('iframe', { src, id: 'review-preview-frame', title: t('review.previewOf', { n: ev.name }), sandbox: '',
      referrerpolicy: 'no-referrer', class: isPdf ? 'pdf' : 'image' }),
    h('p', {}, h('a', { href: src, target: '_blank', rel: 'noopener' }, t('review.openTab')), ' · ',
      h('button', { type: 'button', class: 'link', onclick: () => { box.hidden = true; mount(box); document.getElementById(`ev-preview-${ev.id}`)?.focus(); } }, t('review.closePreview'))));
  box.hidden = false;
  box.scrollIntoView({ block: 'start' });
}

addMessages({
  vi: {
    'review.preview': 'Xem trước', 'review.download': 'Tải về', 'review.checked': 'Đã kiểm tra',
    'review.checkedBy': '({n} kiểm tra)', 'review.checkedNow': '(đã lưu)', 'review.attachedBy': 'Gửi bởi {n}',
    'review.forIndicator': 'chỉ tiêu {c}', 'review.forTask': 'nhiệm vụ {c}', 'review.previewOf': 'Xem trước: {n}',
    'review.openTab': 'Mở trong thẻ mới', 'review.closePreview': 'Đóng xem trước',
    'review.noEvidenceConfirm': 'Báo cáo này không có tài liệu kiểm chứng nào. Vẫn duyệt?',
    'review.approveAnyway': 'Vẫn duyệt', 'review.cancel': 'Chưa, quay lại',
  },
  en: {
    'review.preview': 'Preview', 'review.download': 'Download', 'review.checked': 'Checked',
    'review.checkedBy': '(checked by {n})', 'review.checkedNow': '(saved)', 'review.attachedBy': 'Sent by {n}',
    'review.forIndicator': 'indicator {c}', 'review.forTask': 'task {c}', 'review.previewOf': 'Preview: {n}',
    'review.openTab': 'Open in a new tab', 'review.closePreview': 'Close the preview',
    'review.noEvidenceConfirm': 'This report has no evidence at all. Approve it anyway?',
    'review.approveAnyway': 'Approve anyway', 'review.cancel': 'No, go back',
  },
});

addMessages({
  vi: {
    'review.reopenTitle': 'Mở lại báo cáo đã duyệt', 'review.reopen': 'Mở lại để đơn vị sửa',
    'review.reopenReason': 'Lý do mở lại (bắt buộc)', 'review.reopenedDone': 'Đã mở lại: phiên bản mới được trả lại đơn vị.',
    'review.lockedHint': 'Báo cáo đã duyệt bị khóa. Mở lại sẽ tạo phiên bản mới trả lại đơn vị kèm lý do; phiên bản đã duyệt vẫn được giữ.',
    'review.selfApproved': 'Tự duyệt: người nhập hoặc nộp báo cáo đã duyệt (xã cho phép vì chỉ có một cán bộ).',
  },
  en: {
    'review.reopenTitle': 'Reopen the approved report', 'review.reopen': 'Reopen for the unit to correct',
    'review.reopenReason': 'Why (required)', 'review.reopenedDone': 'Reopened: a new version returned to the unit.',
    'review.lockedHint': 'An approved report is locked. Reopening makes a new version returned to the unit with the reason; the approved one is kept.',
    'review.selfApproved': 'Self-approved: approved by the one who filled or submitted it (the commune allows it).',
  },
});

export async function render(main, ctx) {
  if (ctx.args.length >= 3) return renderReport(main, ctx);
  return renderQueue(main);
}
