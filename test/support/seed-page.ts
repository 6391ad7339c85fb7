import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/core/paths.js';

const NAME = '000_258e56e329a7a5b7.txt';

/**
 * The messy real page in `../shared/seed/` that the import must clean. A clone elsewhere (CI clones to a temp
 * folder) finds it through LC_SHARED_DIR or the workspace's shared folder; missing, the test fails loudly.
 */
export function seedPagePath(): string {
  const candidates = [process.env.LC_SHARED_DIR, path.join(projectRoot, '..', 'shared'), '/work/shared']
    .filter((dir): dir is string => Boolean(dir)).map((dir) => path.join(dir, 'seed', NAME));
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`the seed page ${NAME} is not in any of: ${candidates.join(', ')}`);
  return found;
}
