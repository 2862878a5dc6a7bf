import { formatValue } from '../../src-main/features/reports/format';
import type { MonthlySummary, ReportTable } from '../../src-main/features/reports/model';
import { extractPdfLayout, type PlacedText } from './pdf';

// The monthly report PDF measured as a reader sees it: where pdf.js places every run of text.

export type Page = Awaited<ReturnType<typeof extractPdfLayout>>[number];

/** Two runs overlap when their boxes share more than a sliver (touching lines are fine). */
function overlaps(a: PlacedText, b: PlacedText): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0.5 && h > 1;
}

function overlapsOn(page: Page): string[] {
  const found: string[] = [];
  for (let i = 0; i < page.items.length; i++) {
    for (let j = i + 1; j < page.items.length; j++) {
      if (overlaps(page.items[i], page.items[j])) found.push(`"${page.items[i].str}" × "${page.items[j].str}"`);
    }
  }
  return found;
}

/** The page's lines: runs on the same baseline (within a point), left to right, joined by a space. */
function linesOf(page: Page): string[] {
  const sorted = [...page.items].sort((a, b) => a.top - b.top || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l[0].top - item.top) < 1);
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) =>
    l
      .sort((a, b) => a.x - b.x)
      .map((i) => i.str)
      .join(' '),
  );
}

/** Every number printed in the tables: each must sit whole inside one run of text. */
function numbersOf(summary: MonthlySummary): string[] {
  const out = new Set<string>();
  for (const section of summary.sections) {
    for (const f of section.figures) if (f.type !== 'text') out.add(formatValue(f.value, f.type));
    for (const t of section.tables)
      for (const row of t.rows) for (const c of t.columns) if (c.type !== 'text' && row[c.key] !== null) out.add(formatValue(row[c.key], c.type));
  }
  return [...out].filter((n) => /\d/.test(n));
}

const FOOTER = /^Rekap Bulanan .* halaman \d+ dari \d+$/;

/**
 * What is wrong with the layout of a monthly report PDF, as a list of readable problems (empty
 * when all is well): overlapping text, text off the page, split numbers, numbers of the summary
 * not printed whole, pages with only a stray value, and `longTables` continued on a page
 * without their header.
 */
export async function reportLayoutProblems(pdf: Buffer, summary: MonthlySummary, longTables: ReportTable[] = []) {
  const pages = await extractPdfLayout(pdf);
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (const o of overlapsOn(page)) problems.push(`page ${p + 1}: overlap ${o}`);
    for (const item of page.items) {
      if (item.x < 20 || item.x + item.width > page.width - 20 || item.top < 10 || item.top + item.height > page.height - 10)
        problems.push(`page ${p + 1}: "${item.str}" outside the page`);
      // A wrapped amount leaves a run that starts or ends inside the number.
      if (/^[.,]\d/.test(item.str.trim()) || /(^|\s)Rp$/.test(item.str.trim()) || /\d\.$/.test(item.str.trim()))
        problems.push(`page ${p + 1}: split number "${item.str}"`);
    }
    const content = page.items.filter((i) => !FOOTER.test(i.str.trim()));
    if (content.length < 6) problems.push(`page ${p + 1}: only ${content.map((i) => `"${i.str}"`).join(', ')}`);
  });
  const runs = pages.flatMap((page) => page.items.map((i) => i.str));
  for (const n of numbersOf(summary)) if (!runs.some((r) => r.includes(n))) problems.push(`number ${n} not printed whole`);

  // A table continued on a later page starts there with its header again. Rows are recognised
  // by labels no other table uses ("Jumlah" closes them all).
  const labelsOf = (t: ReportTable) => t.rows.map((r) => String(r[t.columns[0].key]));
  const allTables = summary.sections.flatMap((s) => s.tables);
  for (const table of longTables) {
    const header = table.columns.map((c) => c.label).join(' ');
    const own = table.rows.filter((r) => {
      const l = String(r[table.columns[0].key]);
      return l !== 'Jumlah' && allTables.every((t) => t === table || !labelsOf(t).includes(l));
    });
    // A row's first line: the start of its label, then its first value on the same line.
    const rowStarts = own.map(
      (r) => [String(r[table.columns[0].key]).split(' ').slice(0, 2).join(' '), formatValue(r[table.columns[1].key], table.columns[1].type)] as const,
    );
    pages.forEach((page, p) => {
      const lines = linesOf(page);
      const rowLine = lines.findIndex((l) => rowStarts.some(([label, value]) => l.startsWith(label) && l.includes(` ${value}`)));
      if (rowLine < 0) return;
      // The header line(s) just above: every header word appears before the first row.
      const above = lines.slice(Math.max(0, rowLine - 4), rowLine).join(' ');
      if (!header.split(' ').every((w) => above.includes(w))) problems.push(`page ${p + 1}: rows of "${table.title}" without its header`);
    });
  }
  return { problems, pages };
}
