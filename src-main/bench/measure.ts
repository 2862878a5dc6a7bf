import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  mean: number;
  max?: number;
}

/** p50/p95/mean/max of durations in milliseconds. */
export function summarize(name: string, durations: number[]): Timing & { max: number } {
  const times = [...durations].sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { name, runs: times.length, p50: at(0.5), p95: at(0.95), mean: times.reduce((s, t) => s + t, 0) / times.length, max: times[times.length - 1] };
}

/** Runs `fn` `runs` times (after a warm-up) and reports p50/p95 in milliseconds. */
export async function measure(name: string, runs: number, fn: (i: number) => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return summarize(name, times);
}

export interface BenchLine {
  /** What is measured, e.g. "members.list (filter kelurahan, sort name)". */
  name: string;
  ours: Timing;
  /** The same work done the plainest way (raw prepared statement, raw pdfkit), in the same run. */
  baseline?: Timing;
  /** A target to print beside the figure, e.g. "p95 < 20 ms, ≤ 3× baseline". */
  target?: string;
  /** Whether the target holds, when the suite can tell. */
  met?: boolean;
  /** Print the slowest run too (where the target bounds it). */
  showMax?: boolean;
}

export function formatLine(l: BenchLine): string {
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const ratio = l.baseline ? ` | ${(l.ours.p95 / Math.max(l.baseline.p95, 1e-6)).toFixed(2)}× baseline (p95 ${ms(l.baseline.p95)})` : '';
  const verdict = l.met === undefined ? '' : l.met ? ' ✓' : ' ✗';
  const max = l.ours.max !== undefined && l.showMax ? `, max ${ms(l.ours.max)}` : '';
  return `${l.name}: p50 ${ms(l.ours.p50)}, p95 ${ms(l.ours.p95)}${max} (${l.ours.runs} runs)${ratio}${l.target ? ` | target ${l.target}${verdict}` : ''}`;
}
