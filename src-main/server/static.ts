import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The built renderer: out/renderer beside out/main, or under the project root in tests. */
export function findRendererDir(start = import.meta.dirname): string | null {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    dir = dirname(dir);
  }
  return null;
}

export interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

/**
 * Reads a file of the renderer for a URL path; unknown paths get index.html so the app's own
 * routes survive a reload. Paths are resolved inside the folder only.
 */
export function readStatic(root: string, urlPath: string): StaticFile | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = resolve(root, '.' + normalize('/' + path));
  if (!file.startsWith(resolve(root) + sep) && file !== resolve(root)) return null;
  const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
  if (!existsSync(target)) return null;
  return {
    body: readFileSync(target),
    type: TYPES[extname(target)] ?? 'application/octet-stream',
    // Vite puts a content hash in asset names: those can be cached for good.
    immutable: target.includes(`${sep}assets${sep}`),
  };
}
