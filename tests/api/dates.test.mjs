// dates.test.mjs — web/js/dates.js, the one helper every view uses to show a
// date or a time: Vietnam's time (UTC+7) around midnight and around a
// deadline, whatever the machine's own time zone. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = process.env.DTI_ROOT || '.';
const d = await import(new URL(`${ROOT}/web/js/dates.js`, `file://${process.cwd()}/`).href);
const p = await import(new URL(`${ROOT}/web/js/periods.js`, `file://${process.cwd()}/`).href).catch(() => null);

test('the minutes around midnight in Vietnam (UTC 16:59, 17:00, 17:01)', () => {
  assert.equal(d.fmtDateTime('2026-12-06T16:59:00Z'), '06/12/2026 23:59');
  assert.equal(d.fmtDateTime('2026-12-06T17:00:00Z'), '07/12/2026 00:00');
  assert.equal(d.fmtDateTime('2026-12-06T17:01:00Z'), '07/12/2026 00:01');
  // the report: submitted 00:41 on 07/12 in Vietnam
  assert.equal(d.fmtDay('2026-12-06T17:41:00Z'), '07/12/2026');
  assert.equal(d.fmtDay('2026-12-06T16:59:59Z'), '06/12/2026');
  assert.equal(d.todayVN(Date.parse('2026-12-06T17:00:00Z')), '2026-12-07');
  // year and month boundaries, 29 February
  assert.equal(d.todayVN(Date.parse('2026-12-31T17:00:00Z')), '2027-01-01');
  assert.equal(d.thisMonthVN(Date.parse('2026-11-30T16:59:00Z')), '2026-11');
  assert.equal(d.thisMonthVN(Date.parse('2026-11-30T17:00:00Z')), '2026-12');
  assert.equal(d.fmtDateTime('2028-02-28T17:30:00Z'), '29/02/2028 00:30');
});

test('calendar days print as they are; other text and nothing', () => {
  assert.equal(d.fmtDay('2026-04-08'), '08/04/2026');
  assert.equal(d.fmtDateTime('2026-04-08'), '08/04/2026');
  assert.equal(d.fmtDay(null), '—');
  assert.equal(d.fmtDay('Thường xuyên'), 'Thường xuyên');
  assert.equal(d.fmtDateTime('2026-04-08T02:30:00+07:00'), '08/04/2026 02:30');
});

test('days to a deadline count Vietnam\'s days (countdown on My work)', { skip: !p && 'periods.js needs a DOM-free import' }, () => {
  // deadline 15/12/2026: at 16:59 UTC on the 14th it is still the 14th in Vietnam (1 day left)
  assert.equal(p.daysLeft('15/12/2026', new Date('2026-12-14T16:59:00Z')), 1);
  assert.equal(p.daysLeft('15/12/2026', new Date('2026-12-14T17:00:00Z')), 0);   // the deadline day
  assert.equal(p.daysLeft('15/12/2026', new Date('2026-12-15T16:59:59Z')), 0);
  assert.equal(p.daysLeft('15/12/2026', new Date('2026-12-15T17:00:00Z')), -1);  // past it
  assert.equal(p.currentMonth(new Date('2026-11-30T17:00:00Z')), '2026-12');
});
