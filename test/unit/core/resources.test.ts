import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcePath, resourcesDir } from '../../../src-main/core/resources.js';

const projectResources = resolve(import.meta.dirname, '../../../resources');

describe('resourcesDir', () => {
  const saved = process.env.JPD_RESOURCES_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.JPD_RESOURCES_DIR;
    else process.env.JPD_RESOURCES_DIR = saved;
  });

  it('finds the project resources by walking up from the module', () => {
    delete process.env.JPD_RESOURCES_DIR;
    expect(resourcesDir()).toBe(projectResources);
    expect(existsSync(resourcePath('fonts', 'DejaVuSans.ttf'))).toBe(true);
  });

  it('prefers JPD_RESOURCES_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpd-res-'));
    try {
      process.env.JPD_RESOURCES_DIR = dir;
      expect(resourcesDir()).toBe(dir);
      expect(resourcePath('data', 'x.csv')).toBe(join(dir, 'data', 'x.csv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a JPD_RESOURCES_DIR that does not exist instead of falling back', () => {
    process.env.JPD_RESOURCES_DIR = join(tmpdir(), 'jpd-does-not-exist-7f3a');
    expect(() => resourcesDir()).toThrow(/JPD_RESOURCES_DIR/);
  });
});
