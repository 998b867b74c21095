// dom.js — building DOM without innerHTML: every text is a text node, so
// nothing the server or a document says can become markup.

// h('a', {href: '#/x', class: 'y'}, 'text', child, [more]) → Element.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// Replace the content of EL with CHILDREN.
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
