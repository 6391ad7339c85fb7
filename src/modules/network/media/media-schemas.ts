import { Type } from '@sinclair/typebox';
import { IdParams } from '../../../core/http/route-schemas.js';

const Id = IdParams.properties.id;

export const PhotoParams = Type.Object({ id: Id, photoId: Id }, { additionalProperties: false });
export const EvidenceParams = Type.Object({ id: Id, fileId: Id }, { additionalProperties: false });

export const PhotoSchema = Type.Object({
  id: Type.String(),
  caption: Type.String(),
  /** The image, under the public learning place (public while the institution is active). */
  url: Type.String(),
  sort: Type.Integer(),
  mime: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
});

export const PhotoList = Type.Object({ items: Type.Array(PhotoSchema), max: Type.Integer() });

export const EvidenceSchema = Type.Object({
  fileId: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  mime: Type.String(),
});
