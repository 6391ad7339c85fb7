import { Type } from '@sinclair/typebox';

/** Request and response shapes of /api/v1/network/imports (the back office builds its import screens on these). */

export const ImportKindSchema = Type.Union([Type.Literal('institutions'), Type.Literal('people'), Type.Literal('partners')]);
export const ImportStatusSchema = Type.Union([
  Type.Literal('validating'), Type.Literal('ready'), Type.Literal('invalid'), Type.Literal('committing'), Type.Literal('committed'), Type.Literal('failed'),
]);

export const TemplateParams = Type.Object({ kind: ImportKindSchema }, { additionalProperties: false });

const summary = {
  id: Type.String(),
  kind: ImportKindSchema,
  status: ImportStatusSchema,
  fileName: Type.String(),
  /** Data rows in the file. */
  total: Type.Integer(),
  /** Rows validated so far (the progress bar: processed / total). */
  processed: Type.Integer(),
  validRows: Type.Integer(),
  errorCount: Type.Integer({ description: 'all row errors; `errors` lists the first 1000' }),
  /** Records written by the commit. */
  committed: Type.Integer(),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
};

export const ImportSummarySchema = Type.Object(summary);

export const RowErrorSchema = Type.Object({
  row: Type.Integer({ description: 'the row number Excel shows' }),
  column: Type.String({ description: 'the header label' }),
  field: Type.String(),
  code: Type.String(),
  message: Type.String({ description: 'in the language of the request' }),
  value: Type.String({ description: 'the cell as read; phones and ID numbers masked' }),
});

export const ImportJobSchema = Type.Object({ ...summary, errors: Type.Array(RowErrorSchema) });

export const ImportListSchema = Type.Object({ items: Type.Array(ImportSummarySchema) });

export const NoBody = Type.Object({}, { additionalProperties: false });
