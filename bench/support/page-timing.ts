// How one cold page load spends its time, from the browser's own records: the Performance API
// (navigation, resources, paint, largest-contentful-paint with its element, long tasks) and
// Chromium's DevTools counters (script, layout, style time). Used by bench/web-perf.ts.
import type { Browser } from 'playwright-core';

export interface LoadBreakdown {
  lcpMs: number;
  /** The final LCP element, e.g. `h1.tb-page-title "LA Tech Talent Coalition"`. */
  lcpElement: string;
  /** Every LCP candidate in order: what was largest when. */
  lcpCandidates: { ms: number; element: string; size: number }[];
  fcpMs: number;
  html: { responseStartMs: number; responseEndMs: number };
  domContentLoadedMs: number;
  scripts: { count: number; lastResponseEndMs: number; kb: number };
  css: { count: number; lastResponseEndMs: number; kb: number };
  /** API calls before LCP: when each started, how long the server took to answer, when it ended. */
  api: { path: string; by: string; startMs: number; serverMs: number; endMs: number }[];
  longTasks: { count: number; totalMs: number; beforeLcpMs: number };
  /** Chromium's own counters for the whole load (main thread). */
  devtools: { scriptMs: number; layoutMs: number; styleMs: number; taskMs: number };
}

/**
 * Registered before any page script: keeps what a late observer could not see (long tasks, the LCP
 * elements' names). A string, not a function: tsx would wrap named helpers in a `__name` call that
 * does not exist in the page.
 */
const recordTimeline = `
  const describe = (el) => {
    if (!el) return '(none)';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/)[0] : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '');
  };
  window.__tb = { lcp: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tb.lcp.push({ ms: Math.round(e.startTime), element: describe(e.element), size: e.size });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tb.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * One cold load (new context: empty cache) of `url` with `cookie`. Read once `ready` (the page's own
 * heading) is visible and the network is idle: networkidle alone can come while the main thread is
 * still busy and nothing of the page has been painted yet.
 */
export async function coldLoad(browser: Browser, url: string, cookie: string, ready = '#main-content h1'): Promise<LoadBreakdown> {
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext();
  await context.addCookies([{ name, value, domain: new URL(url).hostname, path: '/' }]);
  const page = await context.newPage();
  await page.addInitScript({ content: recordTimeline });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // LCP is reported after the paint it names: let two frames pass, then a moment for delivery.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(100);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (n: string) => Math.round((metrics.find((m) => m.name === n)?.value ?? 0) * 1000);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __tb: { lcp: { ms: number; element: string; size: number }[]; longTasks: { start: number; duration: number }[] } };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        path: new URL(r.name).pathname,
        type: r.initiatorType,
        start: r.startTime,
        requestStart: r.requestStart,
        responseStart: r.responseStart,
        end: r.responseEnd,
        bytes: r.encodedBodySize,
      }));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      return { nav: { responseStart: nav.responseStart, responseEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd }, resources, fcp, lcp: w.__tb.lcp, longTasks: w.__tb.longTasks };
    });
    const last = seen.lcp[seen.lcp.length - 1];
    const lcpMs = last?.ms ?? Number.NaN;
    const round = (n: number) => Math.round(n);
    const group = (test: (p: string) => boolean) => {
      const rs = seen.resources.filter((r) => test(r.path));
      return { count: rs.length, lastResponseEndMs: round(Math.max(0, ...rs.map((r) => r.end))), kb: Math.round(rs.reduce((n, r) => n + r.bytes, 0) / 102.4) / 10 };
    };
    return {
      lcpMs,
      lcpElement: last?.element ?? '(none)',
      lcpCandidates: seen.lcp,
      fcpMs: round(seen.fcp),
      html: { responseStartMs: round(seen.nav.responseStart), responseEndMs: round(seen.nav.responseEnd) },
      domContentLoadedMs: round(seen.nav.dcl),
      scripts: group((p) => p.endsWith('.js')),
      css: group((p) => p.endsWith('.css')),
      api: seen.resources
        .filter((r) => r.path.startsWith('/api/') && r.start < lcpMs)
        .map((r) => ({ path: r.path, by: r.type, startMs: round(r.start), serverMs: round(r.responseStart - r.requestStart), endMs: round(r.end) })),
      longTasks: {
        count: seen.longTasks.length,
        totalMs: round(seen.longTasks.reduce((n, t) => n + t.duration, 0)),
        beforeLcpMs: round(seen.longTasks.filter((t) => t.start < lcpMs).reduce((n, t) => n + Math.min(t.duration, lcpMs - t.start), 0)),
      },
      devtools: { scriptMs: metric('ScriptDuration'), layoutMs: metric('LayoutDuration'), styleMs: metric('RecalcStyleDuration'), taskMs: metric('TaskDuration') },
    };
  } finally {
    await context.close();
  }
}
