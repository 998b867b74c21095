// now.mjs — the one "now" of the node tests (API and browser).
//
// Every test takes the instant from here: DTI_NOW when set (tests/run.sh sets
// it from tests/now, and tests/dated.sh runs the date-sensitive tests again
// under several fixed instants), else the line in tests/now. The server and
// the CLI read the same variable (app_now, src/app/app.h), and a browser
// context gets the same clock through pinClock(), so the server, the page
// and the test agree on "today" whatever the real date is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/* The pinned instant, ISO 8601 UTC ("2026-12-06T03:00:00Z"). */
export const NOW = (process.env.DTI_NOW || fs.readFileSync(path.join(HERE, '..', 'now'), 'utf8')).trim();

/* The environment for a child dti process: the caller's, with DTI_NOW pinned. */
export function nowEnv(extra = {}) {
  return { ...process.env, DTI_NOW: NOW, ...extra };
}

/* Fix the clock of browser context CTX (Playwright) at NOW: Date and
 * Date.now() answer NOW while timers still run, and the page runs in
 * Vietnam's time zone as the users' browsers do. */
export async function pinClock(ctx) {
  await ctx.clock.setFixedTime(new Date(NOW));
}

/* Options for browser.newContext(): OPTS plus Vietnam's time zone and locale. */
export function contextOptions(opts = {}) {
  return { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...opts };
}

/* The month code ("2026-11") of NOW in Vietnam (UTC+7), shifted by DELTA months. */
export function vnMonth(delta = 0) {
  const d = new Date(Date.parse(NOW) + 7 * 3600 * 1000);
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() + delta;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/* The month after month code CODE ("2026-12" → "2027-01"). */
export function nextMonth(code) {
  const [y, m] = code.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
