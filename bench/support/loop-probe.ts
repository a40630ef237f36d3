// Loaded into a benchmarked server process (node --import): how long its event loop was held.
// The first SIGUSR2 starts a fresh event-loop delay histogram, the next writes it (ms) to
// BENCH_LOOP_PROBE_FILE and stops. Observes only; the server itself is unchanged.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
const file = process.env.BENCH_LOOP_PROBE_FILE;
let on = false;
let cpuAtStart = process.cpuUsage();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

process.on('SIGUSR2', () => {
  if (!on) {
    histogram.reset();
    histogram.enable();
    cpuAtStart = process.cpuUsage();
    on = true;
    return;
  }
  histogram.disable();
  on = false;
  const cpu = process.cpuUsage(cpuAtStart);
  const result = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean), /** CPU the whole server process (every thread) used meanwhile. */ cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  if (file) fs.writeFileSync(file, JSON.stringify(result));
});
