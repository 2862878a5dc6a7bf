import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startOfficeServer, type OfficeServer } from '../../src-main/server/http';
import { makeTestApp, type TestApp } from './app';

// JPD_RENDERER_DIR lets a developer test against a renderer built elsewhere (--outDir).
export const RENDERER_DIR = process.env.JPD_RENDERER_DIR ?? join(import.meta.dirname, '..', '..', 'out', 'renderer');

/** A test app served over real HTTP on a free loopback port. */
export async function startTestServer(
  opts: { withRenderer?: boolean; startIso?: string } = {},
): Promise<{ app: TestApp; server: OfficeServer; stop(): Promise<void> }> {
  if (opts.withRenderer && !existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}). Run the tests with "npm test", which builds it first.`);
  }
  const app = await makeTestApp(opts.startIso);
  const server = await startOfficeServer(app, { port: 0, rendererDir: opts.withRenderer ? RENDERER_DIR : null });
  return {
    app,
    server,
    stop: async () => {
      await server.close();
      await app.dispose();
    },
  };
}
