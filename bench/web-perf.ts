// Benchmark (issue 9, web): the production build (`vite build`, served by the API server on
// embedded PGlite with the demo coalition) in Debian's headless Chromium on localhost.
//   - JavaScript of the first page: every script the sign-in page loads, gzipped (level 9) from
//     dist/web; target under 300 kB.
//   - Largest contentful paint of the dashboard (/c/la-tech, signed in as the Coordinator) and of
//     the metrics page, median of RUNS cold loads (new browser context each: no cache); target under
//     1.5 s for the dashboard. With it, where the time went (bench/support/page-timing.ts): the LCP
//     element, first paint, HTML, scripts, the API calls before LCP and their server time, main-thread
//     long tasks and Chromium's script/layout/style counters, as medians over the same loads.
// Writes bench/results/web-perf-<date>.json.
//   node --import tsx bench/web-perf.ts [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../e2e/chromium.mjs';
import { coldLoad, type LoadBreakdown } from './support/page-timing.js';
import { machine, root, startServer, type RunningServer } from './support/server.js';

const RUNS = Math.max(3, Number(process.argv[2] ?? 5));
const FIRST_PAGE_JS_TARGET_KB = 300;
const LCP_TARGET_MS = 1500;
const dist = path.join(root, 'dist', 'web');

const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build failed');

const executablePath = findChromium();
if (!executablePath) throw new Error('Chromium not found (apt-get install -y chromium)');
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Scripts the page loads (same-origin /assets/*.js), with their raw and gzipped sizes from dist. */
async function firstPageScripts(browser: Browser, server: RunningServer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.port === String(server.port) && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(`http://localhost:${server.port}/sign-in`, { waitUntil: 'networkidle' });
  await context.close();
  const files = [...scripts].sort().map((p) => {
    const content = fs.readFileSync(path.join(dist, p));
    return { path: p, rawKb: kb(content.length), gzipKb: kb(gzipSync(content, { level: 9 }).length) };
  });
  const gzipKb = Math.round(files.reduce((n, f) => n + f.gzipKb, 0) * 10) / 10;
  return { page: '/sign-in', files, gzipKb, targetKb: FIRST_PAGE_JS_TARGET_KB, withinTarget: gzipKb < FIRST_PAGE_JS_TARGET_KB };
}

/** Medians of the breakdown's figures over the loads, with the LCP element(s) seen. */
function breakdown(loads: LoadBreakdown[]) {
  const m = (f: (b: LoadBreakdown) => number) => Math.round(median(loads.map(f)));
  const apiPaths = [...new Set(loads.flatMap((b) => b.api.map((a) => a.path)))];
  return {
    lcpElements: [...new Set(loads.map((b) => b.lcpElement))],
    firstContentfulPaintMs: m((b) => b.fcpMs),
    htmlResponseEndMs: m((b) => b.html.responseEndMs),
    domContentLoadedMs: m((b) => b.domContentLoadedMs),
    scripts: { count: m((b) => b.scripts.count), kb: m((b) => b.scripts.kb), lastResponseEndMs: m((b) => b.scripts.lastResponseEndMs) },
    css: { count: m((b) => b.css.count), kb: m((b) => b.css.kb), lastResponseEndMs: m((b) => b.css.lastResponseEndMs) },
    apiBeforeLcp: apiPaths.map((p) => {
      const calls = loads.flatMap((b) => b.api.filter((a) => a.path === p));
      return { path: p, by: calls[0]!.by, loads: calls.length, startMs: Math.round(median(calls.map((c) => c.startMs))), serverMs: Math.round(median(calls.map((c) => c.serverMs))), endMs: Math.round(median(calls.map((c) => c.endMs))) };
    }),
    longTasksBeforeLcpMs: m((b) => b.longTasks.beforeLcpMs),
    mainThread: { taskMs: m((b) => b.devtools.taskMs), scriptMs: m((b) => b.devtools.scriptMs), layoutMs: m((b) => b.devtools.layoutMs), styleMs: m((b) => b.devtools.styleMs) },
  };
}

const server = await startServer('pglite');
const browser = await chromium.launch({ executablePath, args });
try {
  const cookie = await server.signIn('coordinator@la-tech.demo');
  const scripts = await firstPageScripts(browser, server);
  const pages = [];
  for (const route of ['/c/la-tech', '/c/la-tech/metrics']) {
    const url = `http://localhost:${server.port}${route}`;
    await coldLoad(browser, url, cookie); // warm the server's caches, not the browser's
    const loads: LoadBreakdown[] = [];
    const load: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      loads.push(await coldLoad(browser, url, cookie));
      load.push(os.loadavg()[0]!);
    }
    const samples = loads.map((b) => b.lcpMs);
    const lcp = median(samples);
    pages.push({
      route,
      lcpMs: { median: lcp, samples },
      targetMs: LCP_TARGET_MS,
      withinTarget: lcp < LCP_TARGET_MS,
      overTargetMs: Math.max(0, lcp - LCP_TARGET_MS),
      loadAverageDuringRuns: Math.round(median(load) * 10) / 10,
      breakdown: breakdown(loads),
      lastLoad: loads[loads.length - 1],
    });
  }
  const out = {
    benchmark: 'web-perf',
    date: new Date().toISOString(),
    method: `vite production build served by the API server (embedded PGlite, demo coalition); Debian Chromium headless; LCP from a PerformanceObserver registered before the page's scripts, read once the page's h1 is visible and the network idle; median of ${RUNS} cold contexts after one warm-up; breakdown from the Performance API and Chromium's Performance.getMetrics`,
    firstPageJavaScript: scripts,
    largestContentfulPaint: pages,
    machine: machine(),
  };
  const file = path.join(root, 'bench', 'results', `web-perf-${out.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log(`first page JavaScript: ${scripts.gzipKb} kB gzipped in ${scripts.files.length} files (target < ${FIRST_PAGE_JS_TARGET_KB} kB)`);
  for (const p of pages) {
    const b = p.breakdown;
    console.log(`${p.route}: LCP median ${p.lcpMs.median} ms (${p.lcpMs.samples.join(', ')}; target < ${LCP_TARGET_MS} ms; load ${p.loadAverageDuringRuns}) — element ${b.lcpElements.join(' | ')}; FCP ${b.firstContentfulPaintMs}, DCL ${b.domContentLoadedMs}, ${b.scripts.count} scripts done ${b.scripts.lastResponseEndMs}, API ${b.apiBeforeLcp.map((a) => `${a.path} ${a.startMs}→${a.endMs} (server ${a.serverMs})`).join(', ')}; main thread ${b.mainThread.taskMs} ms`);
  }
  console.log(`wrote ${path.relative(root, file)}`);
} finally {
  await browser.close();
  await server.stop();
}
