// The renderer calls the API only through its data layer (src-renderer/app/data): one typed
// path with caching, invalidation and one way of turning an error into words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../src-renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const outsideDataLayer = sources(root).filter((p) => !relative(root, p).startsWith(join('app', 'data')) && relative(root, p) !== join('app', 'api.ts'));

describe('the renderer data layer', () => {
  it('is the only importer of the raw invoke', () => {
    const offenders = outsideDataLayer.filter((p) =>
      /import\s*\{[^}]*\binvoke\b[^}]*\}\s*from\s*'[./]*app\/api'|from '\.\/api'.*\binvoke\b/.test(readFileSync(p, 'utf8')),
    );
    expect(offenders.map((p) => relative(root, p))).toEqual([]);
  });
  it('has one way of turning an error into text: no screen stringifies errors itself', () => {
    const offenders = outsideDataLayer.filter((p) => /instanceof Error \? \w+\.message : String\(/.test(readFileSync(p, 'utf8')));
    expect(offenders.map((p) => relative(root, p))).toEqual([]);
  });
  it('never asks through the browser’s own confirm dialog', () => {
    const offenders = outsideDataLayer.filter((p) => /\bwindow\.confirm\(|\bconfirm\(t\(/.test(readFileSync(p, 'utf8')));
    expect(offenders.map((p) => relative(root, p))).toEqual([]);
  });
});
