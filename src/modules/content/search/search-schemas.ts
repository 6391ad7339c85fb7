import { Type, type Static } from '@sinclair/typebox';
import { OFFICIAL_DOC_TYPE_CODES } from '../official/doc-types.js';
import { MAX_QUERY_LENGTH } from './search-service.js';

const Kind = Type.Union([Type.Literal('article'), Type.Literal('official_document'), Type.Literal('job')]);
const ValidityCode = Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('repealed')]);

/** GET /api/v1/search: the search page's parameters (a query over 100 characters is a 400). */
export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
  kind: Type.Optional(Kind),
  type: Type.Optional(Type.Union(OFFICIAL_DOC_TYPE_CODES.map((c) => Type.Literal(c)))),
  organ: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
  validity: Type.Optional(ValidityCode),
}, { additionalProperties: false });
export type SearchQueryInput = Static<typeof SearchQuery>;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const SearchHitSchema = Type.Object({
  id: Type.String(), kind: Kind, url: Type.String(), title: Type.String(),
  titleHtml: Type.String({ description: 'HTML-escaped title, query words in <mark>' }),
  snippetHtml: Type.String({ description: 'HTML-escaped text around the matches, query words in <mark>' }),
  publishedAt: Type.String(), titleMatch: Type.Boolean(),
  category: Type.Union([Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String() }), Type.Null()]),
  docType: Nullable(Type.String()), docNumber: Nullable(Type.String()), organ: Nullable(Type.String()),
  validity: Nullable(Type.String()), employer: Nullable(Type.String()),
});

export const SearchResultSchema = Type.Object({
  q: Type.String(), terms: Type.Array(Type.String()), items: Type.Array(SearchHitSchema),
  total: Type.Integer(), totalCapped: Type.Boolean(), page: Type.Integer(), pageSize: Type.Integer(), pageCount: Type.Integer(),
});

export const DictionaryWordSchema = Type.Object({ word: Type.String(), builtIn: Type.Boolean(), createdAt: Type.Union([Type.String(), Type.Null()]) });
export const DictionaryBody = Type.Object({ word: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const WordParams = Type.Object({ word: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
