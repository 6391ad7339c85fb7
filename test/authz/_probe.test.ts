import { it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
it('probe', async () => {
  const t = await createTestApp('sqlite');
  console.log(t.app.printRoutes({ commonPrefix: false, includeMeta: ['config'] }).slice(0, 3000));
  const spec: any = t.app.swagger();
  console.log(Object.keys(spec.paths), JSON.stringify(spec.paths['/api/v1/users/{id}']).slice(0, 1500));
  await t.close();
});
