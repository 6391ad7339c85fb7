import type { Locator, Page } from 'playwright-core';

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * Chooses an entry of an antd Select or TreeSelect dropdown and waits until that select shows it. On a busy machine
 * a click can land while the dropdown is still sliding open (or its data is still arriving) and choose nothing, so
 * the pick is checked on the select itself and retried; a test never goes on with an empty field.
 */
async function pick(page: Page, trigger: Locator, entry: string, title: string) {
  const select = trigger.locator(`xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
  // antd 6 shows a single value in `.ant-select-content-has-value`, each value of a multiple select as an item.
  const chosen = select.locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: title });
  const option = page.locator(`${OPEN_DROPDOWN} ${entry}`);
  for (let attempt = 1; ; attempt++) {
    if (!(await option.first().isVisible())) await trigger.click();
    await option.first().click();
    try {
      await chosen.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** A node of a TreeSelect (regions, categories) by its title. */
export function pickTreeNode(page: Page, trigger: Locator, title: string) {
  return pick(page, trigger, `.ant-select-tree-node-content-wrapper[title="${title}"]`, title);
}

/** An option of a Select by its title. */
export function pickOption(page: Page, trigger: Locator, title: string) {
  return pick(page, trigger, `.ant-select-item-option[title="${title}"]`, title);
}
