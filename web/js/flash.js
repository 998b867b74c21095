// flash.js — a success message where the eye is: at the top of the screen,
// under its title, with the next step as a link, scrolled into view and
// focused (so a screen reader reads it too). Long forms used to say "Đã
// lưu" at their foot, 4,000 px below where the reader was looking.
import { h } from './dom.js';

// Show TEXT (and NEXT: {href, text}, optional) at the top of HOST's screen.
export function flash(host, text, next) {
  host.querySelector('.flash')?.remove();
  const box = h('div', { class: 'flash', role: 'status', tabindex: '-1' },
    h('p', {}, text), next ? h('p', {}, h('a', { href: next.href }, next.text)) : null);
  const title = host.querySelector('h1');
  if (title) title.after(box); else host.prepend(box);
  (title || box).scrollIntoView({ block: 'start' });   // the title, then the message under it
  box.focus({ preventScroll: true });
  return box;
}
