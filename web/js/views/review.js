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
      h('button', { type: 'button', class: 'primary', id: 'review-approve', onclick: () => act('approve') }, t('review.approve'))));
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
    (rep.evidence || []).length ? h('ul', { id: 'review-evidence' }, rep.evidence.map((ev) =>
      h('li', {}, h('a', { href: `/api/v1/evidence/${ev.id}` }, ev.name), ev.indicator ? ` (${ev.indicator})` : ev.task ? ` (${ev.task})` : '')))
      : h('p', { class: 'muted' }, t('review.noEvidence')),
    waiting ? [h('h2', {}, t('review.decision')), returnForm] : null,
    locked ? [h('h2', {}, t('review.reopenTitle')), reopenForm] : null,
    status);
}

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
