// views/review.js — the "review" screen (issue 4 §2); filled in as its API lands.
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main) {
  mount(main, h('h1', {}, t('review.title')), h('p', { class: 'muted' }, t('review.empty')));
}
