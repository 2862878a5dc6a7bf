import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Locates the project's `resources/` folder (fonts, reference data, letterhead assets).
 *
 * The same code runs from three places, each with a different idea of "here":
 *  - vitest, straight from src-main/core/ (TypeScript sources);
 *  - the electron-vite bundle in out/main/ (`npm start`, the command line, the office server);
 *  - a packaged Electron app, where resources are copied next to the asar archive.
 * An explicit JPD_RESOURCES_DIR wins over all of them, for installs that keep resources elsewhere.
 */
export function resourcesDir(): string {
  const fromEnv = process.env.JPD_RESOURCES_DIR;
  if (fromEnv) {
    const dir = resolve(fromEnv);
    // A wrong explicit setting is an installation error: say so rather than silently falling
    // back to another copy of the resources that may be of a different version.
    if (!isDirectory(dir)) {
      throw new Error(`JPD_RESOURCES_DIR menunjuk ke folder yang tidak ada: ${dir}`);
    }
    return dir;
  }

  const packaged = packagedResourcesDir();
  if (packaged) return packaged;

  walkedUp ??= walkUpForResources(import.meta.dirname);
  return walkedUp;
}

/** Absolute path of a file inside resources/, e.g. `resourcePath('fonts', 'DejaVuSans.ttf')`. */
export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts);
}

// The walk touches the disk a few times; its answer cannot change while the process runs.
let walkedUp: string | undefined;

function packagedResourcesDir(): string | undefined {
  // process.resourcesPath exists only inside Electron; @types/node does not declare it.
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  if (!process.versions.electron || typeof resourcesPath !== 'string') return undefined;
  const dir = join(resourcesPath, 'resources');
  // In development Electron also sets resourcesPath (to its own dist folder), where our
  // resources are absent: then the walk up from the bundle finds the project's copy.
  return isDirectory(join(dir, 'fonts')) ? dir : undefined;
}

function walkUpForResources(start: string): string {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'resources');
    if (isDirectory(join(candidate, 'fonts'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Folder resources (berisi fonts/) tidak ditemukan di atas ${start}. ` + 'Setel JPD_RESOURCES_DIR ke folder resources aplikasi.');
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
