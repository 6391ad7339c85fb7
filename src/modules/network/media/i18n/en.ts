import type { MediaMessageId } from './zh-CN.js';

export const mediaEn: Record<MediaMessageId, string> = {
  'network.photo.not_found': 'The photo does not exist.',
  'network.photo.image_required': 'A photo must be a PNG, JPEG, GIF or WebP image.',
  'network.photo.limit': 'An institution can have at most {max} photos; delete one you no longer need first.',
  'network.evidence.not_found': 'The evidence file does not exist.',
  'network.evidence.type': 'Evidence must be a PDF, Word (.docx), Excel (.xlsx) or image file (.png/.jpg/.gif/.webp) whose content matches its extension.',
  'network.evidence.not_of_institution': 'This file is not an evidence file uploaded for this institution.',
};
