import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName } from './file-names.js';
import { checkFileType } from './file-types.js';
import { pngImage } from '../../../../test/support/upload-fixtures.js';

describe('file names', () => {
  it('keeps no folder, control or bidi character and bounds the length; the extension is the checked one', () => {
    expect(safeFileName('../../a', 'txt')).toBe('a.txt');
    expect(safeFileName('..\\..\\etc\\passwd.txt', 'txt')).toBe('passwd.txt');
    expect(safeFileName('报表\u202Etxt.exe', 'pdf')).toBe('报表txt.pdf');
    expect(safeFileName('a\u0000b\r\n.pdf', 'pdf')).toBe('ab.pdf');
    expect(safeFileName('...', 'pdf')).toBe('file.pdf');
    expect(safeFileName('照片.JPEG', 'jpg')).toBe('照片.jpg');
    expect([...safeFileName('长'.repeat(500) + '.docx', 'docx')]).toHaveLength(125);
  });

  it('encodes Content-Disposition per RFC 6266 so no name can break the header', () => {
    expect(contentDisposition('attachment', '通知.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf`);
    const tricky = contentDisposition('inline', 'a";b\\c%.png');
    expect(tricky).toBe(`inline; filename="a__b_c_.png"; filename*=UTF-8''a%22%3Bb%5Cc%25.png`);
    expect(tricky).not.toMatch(/[\r\n]/);
  });

  it('accepts a file only when extension and bytes agree', async () => {
    await expect(checkFileType(pngImage(), '图.png')).resolves.toEqual({ extension: 'png', mime: 'image/png', kind: 'image' });
    await expect(checkFileType(pngImage(), '图.PNG', ['image'])).resolves.toMatchObject({ extension: 'png' });
    await expect(checkFileType(Buffer.from('一、总体要求\n'), '说明.txt')).resolves.toMatchObject({ mime: 'text/plain; charset=utf-8' });
    await expect(checkFileType(pngImage(), '图.png', ['document'])).rejects.toMatchObject({ status: 400, messageId: 'content.file.type' });
    await expect(checkFileType(Buffer.from('%PDF-1.4\n'), '图.png')).rejects.toMatchObject({ messageId: 'content.file.type' });
  });
});
