import { Type, type Static } from '@sinclair/typebox';

const ItemKindSchema = Type.Union([Type.Literal('article'), Type.Literal('official_document')]);

/** One category (栏目) as the back office sees it; the tree is the flat list ordered by path and sort. */
export const CategorySchema = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  slug: Type.String(),
  /** '/<root id>/<child id>/' */
  path: Type.String(),
  depth: Type.Integer({ minimum: 0 }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  itemKind: ItemKindSchema,
  reviewLevels: Type.Integer({ minimum: 0, maximum: 3 }),
  sort: Type.Integer(),
  visible: Type.Boolean(),
  /** Items of every status directly in this category (a category with items or children cannot be deleted). */
  itemCount: Type.Integer(),
  childCount: Type.Integer(),
});
export type CategoryDto = Static<typeof CategorySchema>;

export const CategoryTreeResponse = Type.Object({ items: Type.Array(CategorySchema) });

const Slug = Type.String({ minLength: 1, maxLength: 60, description: 'lower-case letters, digits and hyphens: the /c/<slug> URL' });
const NameZh = Type.String({ minLength: 1, maxLength: 40 });
const NameEn = Type.String({ maxLength: 80 });
const Description = Type.String({ maxLength: 500 });
const ParentId = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]);
const ReviewLevels = Type.Integer({ minimum: 0, maximum: 3 });
const Sort = Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 });

export const CreateCategoryBody = Type.Object({
  parentId: Type.Optional(ParentId),
  slug: Slug,
  nameZh: NameZh,
  nameEn: Type.Optional(NameEn),
  description: Type.Optional(Description),
  itemKind: ItemKindSchema,
  reviewLevels: Type.Optional(ReviewLevels),
  sort: Type.Optional(Sort),
  visible: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type CreateCategoryInput = Static<typeof CreateCategoryBody>;

/** Every field optional; `parentId` moves the category (with its subtree). */
export const UpdateCategoryBody = Type.Object({
  parentId: Type.Optional(ParentId),
  slug: Type.Optional(Slug),
  nameZh: Type.Optional(NameZh),
  nameEn: Type.Optional(NameEn),
  description: Type.Optional(Description),
  itemKind: Type.Optional(ItemKindSchema),
  reviewLevels: Type.Optional(ReviewLevels),
  sort: Type.Optional(Sort),
  visible: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type UpdateCategoryInput = Static<typeof UpdateCategoryBody>;
