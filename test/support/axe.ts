import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../src/core/paths.js';

const AXE = path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA rules and best practices).
 * axe is injected as a script tag, so the page's context must be opened with `bypassCSP: true`.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
