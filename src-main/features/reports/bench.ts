// The monthly summary and its XLSX export on the large office. The baseline is the month's
// registration count as one raw prepared statement; memory is read before and after a batch
// of exports, to show the streaming writer does not grow with the data.
import { performance } from 'node:perf_hooks';
import { measure, type BenchLine } from '../../bench/measure';
import type { Api, MethodName } from '../../api';
import type { BenchContext } from '../../bench/suites';
import { jakartaDate } from '../../core/clock';

async function call<M extends MethodName>(ctx: BenchContext, method: M, input: unknown): Promise<Api[M]['output']> {
  const res = await ctx.app.dispatch({ method, input, sessionToken: ctx.tokens.supervisor, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  // The registry answers each method with that method's output.
  return res.body.value as Api[M]['output'];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function reportsBench(ctx: BenchContext): Promise<BenchLine[]> {
  const month = jakartaDate(ctx.app.services.clock.nowIso()).slice(0, 7);
  const raw = ctx.app.sqlite.prepare('select count(*) n from members where registered_on between ? and ?');
  const baseline = await measure('raw', 20, () => raw.get(`${month}-01`, `${month}-31`));

  const summary = await measure(`reports.monthly (${month}, seluruh kecamatan)`, 10, () => call(ctx, 'reports.monthly', { month }));
  const xlsx = await measure(`reports.export XLSX (${month})`, 5, () => call(ctx, 'reports.export', { month, format: 'xlsx' }));

  // Memory: heap after many exports stays where it was after the first.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) await call(ctx, 'reports.export', { month, format: 'xlsx' });
  gc?.();
  const after = process.memoryUsage();
  ctx.log(
    `Memori setelah 5 ekspor XLSX: heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, RSS ${mb(before.rss)} → ${mb(after.rss)} (${((performance.now() - t0) / 5).toFixed(0)} ms per ekspor)${gc ? '' : ' (tanpa --expose-gc)'}`,
  );
  return [
    { name: summary.name, ours: summary, baseline, target: '< 1 s', met: summary.p95 < 1000 },
    { name: xlsx.name, ours: xlsx, target: '< 3 s', met: xlsx.p95 < 3000 },
  ];
}
