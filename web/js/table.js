// table.js — a data table that becomes cards at narrow widths (app.css
// "table.stack"): each cell carries its column's name (data-label), shown
// before the cell's content when the rows stack at 360 px, so no table
// scrolls sideways on a phone. Screen readers keep the real headers.
import { h } from './dom.js';

// COLS: column names; ROWS: arrays of cells (text or nodes); OPTS.id,
// OPTS.caption, OPTS.num (indexes of numeric columns), OPTS.rowHead (index of
// the cell that names the row: a <th scope=row>).
export function stackTable(cols, rows, opts = {}) {
  const num = new Set(opts.num || []);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: opts.id || null },
    opts.caption ? h('caption', {}, opts.caption) : null,
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h(i === opts.rowHead ? 'th' : 'td',
      { scope: i === opts.rowHead ? 'row' : null, class: num.has(i) ? 'num' : null, 'data-label': cols[i] }, c)))))));
}

// Make TABLE (built elsewhere, with a <thead>) stack at narrow widths as
// stackTable's do: class "stack", each cell labelled by its column. Returns TABLE.
export function stackify(table) {
  table.classList.add('stack');
  const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  for (const tr of table.querySelectorAll('tbody tr')) {
    [...tr.children].forEach((cell, i) => { if (names[i]) cell.setAttribute('data-label', names[i]); });
  }
  return table;
}
