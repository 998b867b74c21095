// table.js — a data table that becomes cards at narrow widths (app.css
// "table.stack"): each cell carries its column's name (data-label), shown
// before the cell's content when the rows stack at 360 px, so no table
// scrolls sideways on a phone. Explicit ARIA roles (table, rowgroup, row,
// columnheader, rowheader, cell) keep the table a table for screen readers
// when CSS turns its rows into blocks (plan.js does the same).
import { h } from './dom.js';

// COLS: column names; ROWS: arrays of cells (text or nodes); OPTS.id,
// OPTS.caption, OPTS.num (indexes of numeric columns), OPTS.rowHead (index of
// the cell that names the row: a <th scope=row>).
export function stackTable(cols, rows, opts = {}) {
  const num = new Set(opts.num || []);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: opts.id || null, role: 'table' },
    opts.caption ? h('caption', {}, opts.caption) : null,
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, cols.map((c) => h('th', { scope: 'col', role: 'columnheader' }, c)))),
    h('tbody', { role: 'rowgroup' }, rows.map((r) => h('tr', { role: 'row' }, r.map((c, i) => h(i === opts.rowHead ? 'th' : 'td',
      { scope: i === opts.rowHead ? 'row' : null, role: i === opts.rowHead ? 'rowheader' : 'cell',
        class: num.has(i) ? 'num' : null, 'data-label': cols[i] }, c)))))));
}

// Make TABLE (built elsewhere, with a <thead>) stack at narrow widths as
// stackTable's do: class "stack", each cell labelled by its column. Returns TABLE.
export function stackify(table) {
  table.classList.add('stack');
  table.setAttribute('role', 'table');
  for (const g of table.querySelectorAll('thead, tbody')) g.setAttribute('role', 'rowgroup');
  for (const tr of table.querySelectorAll('tr')) tr.setAttribute('role', 'row');
  for (const th of table.querySelectorAll('thead th')) th.setAttribute('role', 'columnheader');
  for (const c of table.querySelectorAll('tbody td')) c.setAttribute('role', 'cell');
  for (const c of table.querySelectorAll('tbody th')) c.setAttribute('role', 'rowheader');
  const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  for (const tr of table.querySelectorAll('tbody tr')) {
    [...tr.children].forEach((cell, i) => { if (names[i]) cell.setAttribute('data-label', names[i]); });
  }
  return table;
}
