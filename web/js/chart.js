// chart.js — Chart.js for the screens that draw (dashboard, rankings).
// The pinned UMD build (web/node_modules/chart.js, embedded in the binary)
// is served at /vendor/chart.js (under the version prefix, http/static.c) and loaded on first use by a <script src>
// (allowed by the Content-Security-Policy: same origin, not inline).
let loading = null;

export function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      // beside this module's own URL, so it shares its version prefix and cache life
      s.src = new URL('../vendor/chart.js', import.meta.url).href;
      s.onload = () => resolve(window.Chart);
      s.onerror = () => { loading = null; reject(new Error('Chart.js')); };
      document.head.append(s);
    });
  }
  return loading;
}

// Vietnamese number format on every chart's axes and tooltips.
export function chartDefaults(Chart) {
  Chart.defaults.locale = 'vi-VN';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  // no motion for those who asked for none (and for screenshots of tests)
  if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
  return Chart;
}
