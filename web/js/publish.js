// publish.js — "Công bố chỉ số" with a confirmation that shows what will be
// public (issue 13 §6): the commune, the period by name, the index and its
// points — the public ranking (docs/publishing.md) shows that and nothing
// else about the commune. Used by the appraisal screen and the rankings.
import { h, mount } from './dom.js';
import { post, get } from './api.js';
import { t, addMessages, fmtNum } from './i18n.js';
import { index as fmtIndex, periodName } from './fmt.js';

addMessages({
  vi: {
    'pub.button': 'Công bố chỉ số…', 'pub.title': 'Công bố chỉ số',
    'pub.what': 'Sẽ công khai trên trang công khai (ai cũng xem được, không cần đăng nhập):',
    'pub.commune': 'Xã', 'pub.period': 'Kỳ', 'pub.index': 'Chỉ số', 'pub.points': 'Điểm',
    'pub.only': 'Không công khai gì khác của xã (số liệu, báo cáo, tài liệu kiểm chứng). Công bố lại sẽ thay số công khai; lần công bố trước vẫn được lưu.',
    'pub.confirm': 'Công bố', 'pub.cancel': 'Chưa công bố',
    'pub.done': 'Đã công bố chỉ số {v} của {p}.', 'pub.public': 'Xem trang công khai →',
  },
  en: {
    'pub.button': 'Publish the index…', 'pub.title': 'Publish the index',
    'pub.what': 'This becomes public on the public page (anyone, no login):',
    'pub.commune': 'Commune', 'pub.period': 'Period', 'pub.index': 'Index', 'pub.points': 'Points',
    'pub.only': 'Nothing else of the commune becomes public (figures, reports, evidence). Publishing again replaces the public figure; the earlier one is kept.',
    'pub.confirm': 'Publish', 'pub.cancel': 'Not now',
    'pub.done': 'Published index {v} for {p}.', 'pub.public': 'See the public page →',
  },
});

// A card with the button; opening it fetches the figure (GET appraisal) and
// asks; only "Công bố" publishes. PREFIX names the elements' ids.
export function publishPanel(planId, period, prefix = 'pub') {
  const out = h('div', { role: 'status', id: `${prefix}-status` });
  const ask = h('div', { id: `${prefix}-confirm`, class: 'card warn', role: 'group', 'aria-labelledby': `${prefix}-confirm-title`, hidden: true });
  const btn = h('button', { type: 'button', id: `${prefix}-open`, class: 'secondary' }, t('pub.button'));
  btn.addEventListener('click', async () => {
    mount(out);
    let sc;
    try {
      sc = await get(`/api/v1/plans/${encodeURIComponent(planId)}/appraisal/${encodeURIComponent(period)}`);
    } catch (e) {
      mount(out, h('p', { class: 'error', role: 'alert' }, e.message));
      return;
    }
    const tot = sc.total || {};
    const yes = h('button', { type: 'button', class: 'primary', id: `${prefix}-yes` }, t('pub.confirm'));
    const no = h('button', { type: 'button', class: 'secondary', id: `${prefix}-no` }, t('pub.cancel'));
    mount(ask, h('h3', { id: `${prefix}-confirm-title` }, t('pub.title')),
      h('p', {}, t('pub.what')),
      h('dl', { class: 'pub-what', id: `${prefix}-what` },
        h('dt', {}, t('pub.commune')), h('dd', {}, sc.org || ''),
        h('dt', {}, t('pub.period')), h('dd', {}, periodName(sc.period || period)),
        h('dt', {}, t('pub.index')), h('dd', {}, fmtIndex(tot.index)),
        h('dt', {}, t('pub.points')), h('dd', {}, `${fmtNum(Math.round((tot.points || 0) * 100) / 100)} / ${fmtNum(tot.max || 0)}`)),
      h('p', { class: 'muted' }, t('pub.only')),
      h('div', { class: 'actions' }, yes, no));
    ask.hidden = false;
    btn.hidden = true;
    yes.focus();
    no.addEventListener('click', () => { ask.hidden = true; btn.hidden = false; btn.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        const p = await post(`/api/v1/plans/${encodeURIComponent(planId)}/publish?period=${encodeURIComponent(period)}`);
        ask.hidden = true;
        btn.hidden = false;
        mount(out, h('p', {}, t('pub.done', { v: fmtIndex(p.index), p: periodName(p.period) }), ' ',
          h('a', { href: '/public', id: `${prefix}-public` }, t('pub.public'))));
        out.focus?.();
      } catch (e) {
        yes.disabled = false;
        mount(out, h('p', { class: 'error', role: 'alert' }, e.message));
      }
    });
  });
  return h('div', { class: 'card', id: prefix }, btn, ask, out);
}
