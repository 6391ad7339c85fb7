import type { Locator, Page } from 'playwright-core';

/**
 * Chooses a node of an antd TreeSelect by its title and waits until the select shows it. A click that lands while
 * the dropdown is still sliding open (or while its tree data is still arriving) can miss on a busy machine, so the
 * pick is retried, and a test never goes on with an empty field.
 */
export async function pickTreeNode(page: Page, trigger: Locator, title: string) {
  // antd 6 shows a single value in `.ant-select-content-has-value`, each value of a multiple select as an item.
  const chosen = page.locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: title });
  for (let attempt = 1; ; attempt++) {
    if (!(await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree').isVisible())) await trigger.click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper[title="${title}"]`).click();
    try {
      await chosen.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
