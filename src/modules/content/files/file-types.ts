import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../core/http/errors.js';

/**
 * What may be uploaded: the extension must be on the allowlist AND the bytes must be what the extension
 * says (magic bytes, read by file-type). A renamed file — an .exe called .pdf, an HTML page called .docx,
 * a PNG called .jpg — is refused, and so is anything that a browser could run (HTML, SVG, scripts).
 */
/** 'video' is accepted only where a caller asks for it (online-course lessons), never by default. */
export type FileKind = 'document' | 'image' | 'text' | 'video';

interface AllowedType {
  /** What file-type must report for the bytes (undefined: no signature, i.e. plain text). */
  detected: string | undefined;
  /** The Content-Type we store and serve, whatever the client claimed. */
  mime: string;
  kind: FileKind;
}

const ALLOWED: Record<string, AllowedType> = {
  docx: { detected: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document' },
  xlsx: { detected: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document' },
  pdf: { detected: 'pdf', mime: 'application/pdf', kind: 'document' },
  // Word 97–2003 and Excel 97–2003 files are OLE compound files: file-type names the container, not the program.
  doc: { detected: 'cfb', mime: 'application/msword', kind: 'document' },
  xls: { detected: 'cfb', mime: 'application/vnd.ms-excel', kind: 'document' },
  png: { detected: 'png', mime: 'image/png', kind: 'image' },
  jpg: { detected: 'jpg', mime: 'image/jpeg', kind: 'image' },
  jpeg: { detected: 'jpg', mime: 'image/jpeg', kind: 'image' },
  gif: { detected: 'gif', mime: 'image/gif', kind: 'image' },
  webp: { detected: 'webp', mime: 'image/webp', kind: 'image' },
  txt: { detected: undefined, mime: 'text/plain; charset=utf-8', kind: 'text' },
  mp4: { detected: 'mp4', mime: 'video/mp4', kind: 'video' },
  webm: { detected: 'webm', mime: 'video/webm', kind: 'video' },
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Markup a browser would render or run, even when it arrives as "text". */
const MARKUP_START = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|a\s|img\s|div|style)/i;

/** Valid UTF-8 without NUL bytes and not markup: the only plain text we keep. */
function isSafeUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !MARKUP_START.test(text.replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
}

export interface CheckedType { extension: string; mime: string; kind: FileKind }

/**
 * The file's checked type, or a 400 `content.file.type`. `accept` narrows the kinds (an inline image must be
 * an image; an import must be a .docx, which the caller checks by extension).
 */
export async function checkFileType(bytes: Buffer, originalName: string, accept?: readonly FileKind[]): Promise<CheckedType> {
  const extension = extensionOf(originalName);
  const allowed = ALLOWED[extension];
  const accepted = accept ? accept.includes(allowed?.kind ?? 'text') : allowed?.kind !== 'video';
  if (!allowed || !accepted) throw new AppError(400, 'content.file.type', { extension: extension || '—' });
  const detected = await fileTypeFromBuffer(bytes);
  const matches = allowed.detected === undefined ? detected === undefined && isSafeUtf8Text(bytes) : detected?.ext === allowed.detected;
  if (!matches) throw new AppError(400, 'content.file.type', { extension });
  return { extension: extension === 'jpeg' ? 'jpg' : extension, mime: allowed.mime, kind: allowed.kind };
}
