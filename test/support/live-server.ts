import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app.js';
import type { DbKind } from './databases.js';

/** The app listening on a free loopback port, for the browser tests. */
export async function startLiveServer(kind: DbKind = 'sqlite'): Promise<{ t: TestApp; baseUrl: string }> {
  const t = await createTestApp(kind);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}` };
}
