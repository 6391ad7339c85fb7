import { it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
it('probe', async () => {
  const t0 = Date.now();
  const t = await createTestApp('sqlite');
  console.log('build ms', Date.now() - t0);
  console.log(JSON.stringify(t.app.routeRegistry, null, 0));
  const t1 = Date.now();
  await t.login('admin');
  console.log('login ms', Date.now() - t1);
  console.log(t.app.printRoutes({ commonPrefix: false }));
  await t.close();
});
