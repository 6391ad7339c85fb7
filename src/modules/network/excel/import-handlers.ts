import type { ImportKind } from './import-schema.js';
import type { Draft, ImportHandler } from './import-rows.js';
import { institutionImport } from './institution-import.js';
import { peopleImport } from './people-import.js';
import { partnerImport } from './partner-import.js';

/** Each kind's handler; the runner, the templates and the routes know nothing kind-specific beyond this. */
export const IMPORT_HANDLERS = {
  institutions: institutionImport,
  people: peopleImport,
  partners: partnerImport,
} as Record<ImportKind, ImportHandler<Draft, unknown>>;
