// filepick.js — a file field in the app's words: the browser's own button
// says "Choose File / No file chosen" in the browser's language, whatever
// the page's. The real <input type=file> stays (its label, keyboard,
// setInputFiles in tests), transparent over a button that reads "Chọn
// tệp…", with the chosen file's name beside it.
import { h } from './dom.js';
import { t, addMessages } from './i18n.js';

addMessages({
  vi: { 'file.choose': 'Chọn tệp…', 'file.none': 'Chưa chọn tệp.', 'file.chosen': 'Đã chọn: {n}' },
  en: { 'file.choose': 'Choose a file…', 'file.none': 'No file chosen.', 'file.chosen': 'Chosen: {n}' },
});

// INPUT (type=file) wrapped with its button and the chosen name; returns the wrapper.
export function filePicker(input) {
  input.classList.add('filepick-input');
  const name = h('span', { class: 'filepick-name muted', 'aria-hidden': 'true' }, t('file.none'));
  const show = () => {
    const f = [...(input.files || [])].map((x) => x.name).join(', ');
    name.textContent = f ? t('file.chosen', { n: f }) : t('file.none');
  };
  input.addEventListener('change', show);
  input.addEventListener('input', show);
  return h('div', { class: 'filepick' + (input.disabled ? ' disabled' : '') },
    h('span', { class: 'filepick-button', 'aria-hidden': 'true' }, t('file.choose')), input, name);
}
