import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(path);
  }
  return out;
}

/** Module specifiers a file loads at run time (type-only imports are erased by the compiler). */
function valueImports(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) specs.push(m[2]);
  for (const m of source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

const rel = (path: string) => relative(root, path).split(sep).join('/');

describe('electron stays inside src-main/shell', () => {
  it('no module outside the shell imports electron', () => {
    const offenders = [...sourceFiles(join(root, 'src-main')), ...sourceFiles(join(root, 'src-renderer'))]
      .filter((file) => !rel(file).startsWith('src-main/shell/'))
      .filter((file) => valueImports(readFileSync(file, 'utf8')).some((spec) => spec === 'electron' || spec.startsWith('electron/')));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('the bridge types file loads nothing at run time, so the renderer may import its types', () => {
    const source = readFileSync(join(root, 'src-main/shell/bridge.ts'), 'utf8');
    expect(valueImports(source)).toEqual([]);
    expect(source).not.toMatch(/^\s*export\s+(const|let|var|function|class|enum)\b/m);
  });

  it('the sandboxed preload loads only electron and the channel names', () => {
    const preload = readFileSync(join(root, 'src-main/shell/preload.ts'), 'utf8');
    expect(valueImports(preload).sort()).toEqual(['./channels', 'electron']);
    expect(valueImports(readFileSync(join(root, 'src-main/shell/channels.ts'), 'utf8'))).toEqual([]);
  });

  it('the import scanner sees what it must (a check that cannot fail is no check)', () => {
    expect(valueImports("import { app } from 'electron';")).toEqual(['electron']);
    expect(valueImports("import * as e from 'electron';")).toEqual(['electron']);
    expect(valueImports("import 'electron';")).toEqual(['electron']);
    expect(valueImports("const e = require('electron');")).toEqual(['electron']);
    expect(valueImports("export { ipcMain } from 'electron';")).toEqual(['electron']);
    expect(valueImports("import type { App } from 'electron';")).toEqual([]);
  });
});

/** Which feature (or 'core') a project file belongs to, or null for the rest of src-main. */
function layerOf(path: string): string | null {
  const feature = /^src-main\/features\/([^/]+)\//.exec(path);
  if (feature) return feature[1];
  return path.startsWith('src-main/core/') ? 'core' : null;
}

/** The features each feature (and core) loads at run time, from its relative value imports. */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(join(root, 'src-main'))) {
    const from = layerOf(rel(file));
    if (!from) continue;
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const to = layerOf(rel(join(file, '..', spec)) + '/');
      if (to && to !== from && to !== 'core') {
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
  }
  return graph;
}

/** Every cycle's path, e.g. ['a', 'b', 'a']; none when the arrows all point one way. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (path.includes(next)) found.push([...path.slice(path.indexOf(next)), next]);
      else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return found;
}

describe('features depend on each other one way', () => {
  it('core loads no feature, and no two features load each other, directly or around a loop', () => {
    const graph = featureGraph();
    expect([...(graph.get('core') ?? [])]).toEqual([]);
    expect(cycles(graph)).toEqual([]);
    // The graph is real: the permit counter registers walk-ins through the registrations feature.
    expect(graph.get('permits')?.has('registrations')).toBe(true);
  });

  it('the cycle finder finds a loop when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycles(graph)[0]).toEqual(['a', 'b', 'c', 'a']);
  });
});
