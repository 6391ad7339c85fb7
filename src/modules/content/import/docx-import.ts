import mammoth from 'mammoth';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { sanitizeBody } from '../items/sanitize-html.js';
import { MAX_FILE_BYTES } from '../files/file-store.js';
import { fileStem } from '../files/file-names.js';
import { OFFICIAL_DOCUMENT_STYLE_MAP, isTitleStyle } from './docx-style-map.js';
import { analyseOfficialLines, type ImportedDocument, type LineRole } from './text-import.js';
import { lineHtml } from './imported-html.js';
import { checkUnpackedSize } from '../../../core/zip-size.js';
import type { ImportWarning } from './import-warnings.js';

/**
 * A Word (.docx) file → the body HTML of a draft plus the same recognised fields as the plain-text import.
 *
 * 1. The archive is checked (a readable zip whose parts stay under 200 MiB unpacked) before mammoth opens it.
 * 2. mammoth converts with the official-document style map (docx-style-map.ts); lists and tables are kept.
 * 3. Before conversion the document's top-level paragraphs are read as lines by the text import's analysis:
 *    paragraphs that are the title, addressees, head matter (red head, document number), attachment notes
 *    and 落款 become fields and leave the body; so does page furniture if the file was saved from a web page.
 * 4. Images become files: each gets an id now and `src="/files/<id>"`; the caller stores the bytes with
 *    storeFile under that id in the draft's transaction. Formats a browser cannot show (EMF, WMF, TIFF) are
 *    left out with a warning. Never a data: URI.
 * 5. Paragraphs that open with 一、 （一） 1、 （1） but carry no Word heading style get the same heading HTML as
 *    the text import; then the whole body goes through sanitizeBody.
 * A file that is not a readable .docx is a 400 with `content.import.docx_invalid`. Pure apart from ids.
 */
export interface DocxImage { id: string; bytes: Buffer; name: string }

export interface DocxImport {
  doc: ImportedDocument;
  bodyHtml: string;
  images: DocxImage[];
  warnings: ImportWarning[];
}

const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const WEB_IMAGES = new Set(['png', 'jpg', 'gif', 'webp']);

type MammothElement = { type: string; children?: MammothElement[]; value?: string; styleName?: string | null };

/** The visible text of a paragraph (runs, hyperlinks, tabs, line breaks). */
function elementText(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab' || element.type === 'break') return ' ';
  return (element.children ?? []).map(elementText).join('');
}

function hasImage(element: MammothElement): boolean {
  return element.type === 'image' || (element.children ?? []).some(hasImage);
}

export async function importDocx(bytes: Buffer, fileName: string): Promise<DocxImport> {
  const zip = checkUnpackedSize(bytes, MAX_UNPACKED_BYTES);
  if (!zip.ok) throw new AppError(400, 'content.import.docx_invalid');

  const images: DocxImage[] = [];
  const warnings: ImportWarning[] = [];
  const found: { analysis?: { doc: ImportedDocument; roles: LineRole[] }; styledTitle?: string } = {};
  const stem = fileStem(fileName) || 'image';
  let imageCount = 0;

  const keepBodyParagraphs = (document: MammothElement): MammothElement => {
    const children = document.children ?? [];
    const lines = children.map((c) => (c.type === 'paragraph' ? elementText(c).replace(/[\r\n\u2028\u2029]+/g, ' ') : ''));
    const titleAt = children.findIndex((c, i) => c.type === 'paragraph' && isTitleStyle(c.styleName ?? null) && lines[i].trim() !== '');
    if (titleAt >= 0) found.styledTitle = lines[titleAt].trim();
    const { roles } = found.analysis = analyseOfficialLines(lines);
    const firstBody = roles.indexOf('body');
    const kept = children.map((child, i) => {
      if (roles[i] === 'body' && i !== titleAt) return child;
      // Tables and pictures carry no line of their own: they stay when they come after the body begins, or when
      // there is no text body at all (a logo in the red head goes; a table or chart in the text stays).
      const textless = child.type !== 'paragraph' || (lines[i].trim() === '' && hasImage(child));
      if (textless && (firstBody < 0 || i > firstBody)) return child;
      return child.type === 'paragraph' ? { ...child, children: [] } : null;
    }).filter((c): c is MammothElement => c !== null);
    return { ...document, children: kept };
  };

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, {
      styleMap: OFFICIAL_DOCUMENT_STYLE_MAP,
      includeDefaultStyleMap: true,
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
      transformDocument: keepBodyParagraphs,
      convertImage: mammoth.images.imgElement(async (image) => {
        imageCount += 1;
        const data = await image.readAsBuffer();
        const type = await fileTypeFromBuffer(data);
        if (!type || !WEB_IMAGES.has(type.ext) || data.length > MAX_FILE_BYTES) {
          warnings.push({ code: 'image_unsupported', params: { n: imageCount, type: type?.ext ?? image.contentType ?? '?' } });
          return { src: '' };
        }
        const id = newId();
        images.push({ id, bytes: data, name: `${stem}-${images.length + 1}.${type.ext}` });
        return { src: `/files/${id}` };
      }),
    });
    html = result.value;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'content.import.docx_invalid');
  }
  if (!found.analysis) throw new AppError(400, 'content.import.docx_invalid');
  const doc = found.analysis.doc;
  const bodyHtml = sanitizeBody(html
    // The title is a field; a second Title paragraph becomes a section heading.
    .replace(/<h1>/g, '<h2>').replace(/<\/h1>/g, '</h2>')
    // Plain paragraphs that open with a 公文 number get the text import's heading markup (not in table cells).
    .split(/(<table>[\s\S]*?<\/table>)/)
    .map((chunk) => (chunk.startsWith('<table>') ? chunk : chunk.replace(/<p>([^<]*)<\/p>/g, (whole, inner: string) => {
      const line = unescapeHtml(inner).trim();
      return line === '' ? whole : lineHtml(line);
    })))
    .join(''));
  // Only images the body still shows are stored.
  const used = images.filter((img) => bodyHtml.includes(`/files/${img.id}`));
  return { doc: { ...doc, title: found.styledTitle ?? doc.title, bodyHtml }, bodyHtml, images: used, warnings };
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
