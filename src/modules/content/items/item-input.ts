import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import { rolesWith } from '../../../core/access/permissions.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalid, type FieldError } from '../../../core/http/errors.js';
import { resolveScope } from '../../../core/regions/region-repository.js';
import type { Database } from '../../../core/db/schema.js';
import type { ContentCategoriesTable, ContentDatabase } from '../content-schema.js';
import { findCategory } from '../categories/category-repository.js';
import { checkOfficialFields, mergeOfficialInput, summaryError } from '../official/official-fields.js';
import { shanghaiYear } from './shanghai-date.js';
import { sanitizeBody } from './sanitize-html.js';
import type { CreateItemInput, UpdateItemInput } from './item-schemas.js';
import type { WorkingCopy } from './working-copy.js';

type Trx = Kysely<ContentDatabase>;
const trimOrNull = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === '' ? null : v.trim());

/**
 * The owner scope of an item: one of the caller's write scopes, or a scope under one (a city editor may file
 * an item under a town or an institution). Default: the caller's first write scope.
 */
async function resolveOwner(trx: Trx, actor: Actor, requested: { type: 'city' | 'region' | 'institution'; id: string } | undefined) {
  if (!requested) {
    const writers = rolesWith('content.item.write');
    const grant = actor.grants.find((g) => writers.has(g.role));
    if (!grant) throw new AppError(403, 'content.item.no_scope');
    return { type: grant.scopeType, id: grant.scopeId, path: grant.scopePath };
  }
  const scope = await resolveScope(trx as unknown as Kysely<Database>, requested.type, requested.id);
  if (!scope) throw invalid([{ field: 'ownerScope', code: 'not_found', messageId: 'content.item.scope_unknown' }]);
  if (!isInScope(actor, 'content.item.write', scope.path)) throw invalid([{ field: 'ownerScope', code: 'scope', messageId: 'content.item.scope_not_allowed' }]);
  return { type: scope.type, id: scope.id, path: scope.path };
}

/**
 * Applies a create or save request to a working copy (null: a new item) and checks every rule at once:
 * category, owner scope, 公文 fields, summary length, the interpretation link. Returns the checked copy
 * and the category; throws one 400 with all field errors. Writes nothing.
 */
export async function applyItemInput(trx: Trx, core: Pick<CoreContext, 'clock'>, actor: Actor, itemId: string | null,
  base: WorkingCopy | null, input: CreateItemInput | UpdateItemInput): Promise<{ copy: WorkingCopy; category: ContentCategoriesTable }> {
  const errors: FieldError[] = [];
  const categoryId = input.categoryId ?? base?.item.category_id;
  const category = categoryId ? await findCategory(trx, categoryId) : undefined;
  if (!category) throw invalid([{ field: 'categoryId', code: 'not_found', messageId: 'content.item.category_not_found' }]);
  const baseCategory = base ? await findCategory(trx, base.item.category_id) : undefined;
  if (baseCategory && baseCategory.item_kind !== category.item_kind) {
    errors.push({ field: 'categoryId', code: 'kind', messageId: 'content.item.category_kind_mismatch' });
  }
  const owner = input.ownerScope || !base ? await resolveOwner(trx, actor, input.ownerScope) : null;

  const title = input.title !== undefined ? input.title.trim() : base?.title ?? '';
  if (!title) errors.push({ field: 'title', code: 'required', messageId: 'content.item.title_blank' });
  const summary = input.summary !== undefined ? trimOrNull(input.summary) : base?.summary ?? null;
  const bodyHtml = input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : base?.body_html ?? '';

  let official = base?.official ?? null;
  if (category.item_kind === 'official_document') {
    if (!input.official && !official) {
      errors.push({ field: 'official', code: 'required', messageId: 'content.item.official_required' });
    } else {
      const checked = await checkOfficialFields(trx, mergeOfficialInput(official, input.official ?? {}), itemId, shanghaiYear(core.clock.now()) + 1);
      errors.push(...checked.errors);
      official = checked.fields;
    }
    const tooLong = summaryError(summary);
    if (tooLong) errors.push(tooLong);
  } else if (input.official) {
    errors.push({ field: 'official', code: 'not_allowed', messageId: 'content.item.official_not_allowed' });
  }

  let interpretationOf = input.interpretationOfId !== undefined ? trimOrNull(input.interpretationOfId) : base?.item.interpretation_of_id ?? null;
  if (input.interpretationOfId && category.item_kind !== 'article') {
    errors.push({ field: 'interpretationOfId', code: 'not_allowed', messageId: 'content.item.interpretation_not_article' });
  } else if (interpretationOf && interpretationOf !== base?.item.interpretation_of_id) {
    const target = await trx.selectFrom('content_items').select(['kind', 'status', 'owner_path']).where('id', '=', interpretationOf).executeTakeFirst();
    // Only documents the caller can see (in scope, or public) can be linked: the answer reveals nothing else.
    const visible = target && (target.status === 'published' || isInScope(actor, 'content.item.read', target.owner_path));
    if (!visible || target.kind !== 'official_document' || interpretationOf === itemId) {
      errors.push({ field: 'interpretationOfId', code: 'not_found', messageId: 'content.item.interpretation_target' });
    }
  }
  if (category.item_kind !== 'article') interpretationOf = null;
  if (errors.length > 0) throw invalid(errors);

  const item = base?.item ?? {
    category_id: category.id, subtitle: null, source: '', author: null, keywords: '', owner_scope_type: 'city' as const,
    owner_scope_id: '', owner_path: '', interpretation_of_id: null,
  };
  return {
    category,
    copy: {
      title, summary, body_html: bodyHtml, official,
      item: {
        ...item,
        category_id: category.id,
        subtitle: input.subtitle !== undefined ? trimOrNull(input.subtitle) : item.subtitle,
        source: input.source !== undefined ? input.source.trim() : item.source,
        author: input.author !== undefined ? trimOrNull(input.author) : item.author,
        keywords: input.keywords !== undefined ? input.keywords.trim() : item.keywords,
        interpretation_of_id: interpretationOf,
        ...(owner ? { owner_scope_type: owner.type, owner_scope_id: owner.id, owner_path: owner.path } : {}),
      },
    },
  };
}
