import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../http/content-disposition.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook as a download: the .xlsx media type, an RFC 6266 filename (Chinese names survive), and
 * no caching, since exports hold data of the caller's scope.
 */
export function sendXlsx(reply: FastifyReply, bytes: Buffer, fileName: string) {
  const name = fileName.toLowerCase().endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-disposition', contentDisposition('attachment', name))
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
