import type { PlatformModule } from '../modules.js';
import { coreInventory } from './core-inventory.js';
import type { PiInventory } from './inventory.js';

/** Core's inventory and each installed module's, named by who declares them (the schema test names the source). */
export function platformInventories(modules: readonly PlatformModule[]): Array<{ source: string; inventory: PiInventory }> {
  return [
    { source: 'core', inventory: coreInventory },
    ...modules.flatMap((m) => (m.piInventory ? [{ source: m.name, inventory: m.piInventory }] : [])),
  ];
}
