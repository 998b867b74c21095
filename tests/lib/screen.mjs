// screen.mjs — in a browser test, wait for the screen an in-page navigation
// opens, not the one shown before it.
//
// The web UI is a single-page app (web/js/main.js). A click on a link, a
// page.goto() to another #/route of the page already loaded, a form whose
// handler sets location.hash: all are same-document navigations.
// page.goto() returns once the URL has changed, and
// page.waitForLoadState('networkidle') at once (the page loaded long ago),
// so neither waits for the screen. The router renders on the 'hashchange'
// event that comes after, into a fresh host (<div class="screen">) that
// replaces the old one in <main>: first a "Đang tải…" line, then the view,
// once its data came. Until the new host is in, every selector the old
// screen also has still matches ('main h1', 'main table', #dash-index of
// another period), and a read or a click can land on the old screen.
//
// So: mark the host in <main> before acting (data-stale), and after it
// wait for a host without the mark that is past its loading line — it is
// the new screen's, and the old one is gone from the page (the router
// replaces <main>'s children). Then read, or wait for the view's own
// elements as usual.
//
// This covers navigation only. A view that redraws inside its own host (a
// form saved, a language switch, a filter) makes no new host: wait there
// for something only the new drawing has. And a view that adds parts after
// its first drawing (the dashboard's export control, the province's
// comparison) needs a wait for those parts when a test reads them.

/* Mark the screens now in PAGE's <main> as the ones being left
 * (data-stale="1"); arrived() then waits for another. */
export async function leaving(page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('main > *')) el.dataset.stale = '1';
  });
}

/* Wait until a screen host mounted since leaving(PAGE) is in <main> and
 * shows more than the router's loading line (t('loading') of
 * web/js/i18n.js, either language): the view has drawn. Resolves to a
 * locator of that host. OPTS.timeout as Playwright's (ms). */
export async function arrived(page, opts = {}) {
  await page.waitForFunction(() => {
    const host = document.querySelector('main > .screen:not([data-stale])');
    if (!host || host.children.length === 0) return false;
    const only = host.children.length === 1 ? host.firstElementChild : null;
    return !(only && only.tagName === 'P' && /^(Đang tải…|Loading…)$/.test(only.textContent.trim()));
  }, null, opts);
  return page.locator('main > .screen:not([data-stale])');
}

/* Do ACTION (an async function: a click on a link, a key, a submit whose
 * handler sets the hash), which must open a screen, and wait for that
 * screen (arrived()). Resolves to a locator of its host. */
export async function toScreen(page, action, opts = {}) {
  await leaving(page);
  await action();
  return arrived(page, opts);
}

/* page.goto(URL) on the app's page, and wait for the screen it shows
 * (arrived()). When the page is at URL already (the landing screen after a
 * login), the navigation renders nothing new: the screen shown is waited
 * for as it is. URL must be the app's page (/ with a #/route), not
 * another document such as /public. Throws when the screen drawn is not
 * the route's (the host's data-screen, set by the router from the hash's
 * first part). Resolves to a locator of the host. */
export async function gotoScreen(page, url, opts = {}) {
  const u = new URL(url);
  if (u.href !== page.url()) await leaving(page);
  await page.goto(url);
  const host = await arrived(page, opts);
  const name = decodeURIComponent((u.hash.replace(/^#\/?/, '') || 'dashboard').split('/')[0]);
  const shown = await host.getAttribute('data-screen');
  if (shown !== name) throw new Error(`gotoScreen ${url}: the screen shown is "${shown}", not "${name}"`);
  return host;
}
