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
