import type { PageContext } from './layout.js';
import { pageSectionRegistry } from './page-sections.js';

/** The institution a learning-place page (/places/<id>, network module) shows. */
export interface PlaceSubject { institutionId: string; name: string }

/**
 * Blocks other modules add to a learning place's public page (the learning module: its open classes). The page is
 * cached for anonymous visitors, so a block shows what every visitor may see.
 */
export const placePageSections = pageSectionRegistry<PlaceSubject, { ctx: PageContext }>();
