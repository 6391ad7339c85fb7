import type { ContentFilesTable } from '../../content/content-schema.js';
import type { PhotoRow } from './media-repository.js';

/** Where the public (and staff) fetch a photo's image: under the learning place it belongs to. */
export function photoUrl(institutionId: string, photoId: string): string {
  return `/places/${encodeURIComponent(institutionId)}/photos/${encodeURIComponent(photoId)}`;
}

export function presentPhoto(p: Pick<PhotoRow, 'id' | 'institution_id' | 'caption' | 'sort' | 'created_at' | 'mime' | 'size'>) {
  return {
    id: p.id, caption: p.caption, url: photoUrl(p.institution_id, p.id), sort: Number(p.sort),
    mime: p.mime, size: Number(p.size), createdAt: p.created_at,
  };
}

export type PhotoView = ReturnType<typeof presentPhoto>;

export function presentEvidence(f: Pick<ContentFilesTable, 'id' | 'original_name' | 'size' | 'mime'>) {
  return { fileId: f.id, name: f.original_name, size: Number(f.size), mime: f.mime };
}
