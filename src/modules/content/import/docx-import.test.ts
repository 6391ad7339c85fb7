import { describe, expect, it } from 'vitest';
import { noticeDocx, pngImage, zipArchive } from '../../../../test/support/upload-fixtures.js';
import { AppError } from '../../../core/http/errors.js';
import { importDocx } from './docx-import.js';
import { checkUnpackedSize } from '../../../core/zip-size.js';

describe('Word import', () => {
  it('keeps headings, lists, tables and images (as /files/<id>), and lifts the 公文 fields out of the body', async () => {
    const result = await importDocx(noticeDocx(), '2024年工作通知.docx');
    const html = result.bodyHtml;
    expect(result.doc.title).toBe('关于做好2024年社区教育工作的通知');
    expect(result.doc.docNumber).toBe('山教职〔2024〕9号');
    expect(result.doc.addressees).toBe('各镇人民政府，市各有关单位');
    expect(result.doc.writtenDate).toBe('2024-03-01');
    expect(result.doc.closingOrgans).toEqual(['青山市教育局']);
    expect(result.doc.attachmentNotes).toEqual(['2024年社区教育工作任务分解表']);
    expect(result.doc.cc).toBe('市委宣传部');
    expect(html).toContain('<table><tr><td><p>镇</p></td><td><p>教学点</p></td></tr><tr><td><p>柳泉镇</p></td><td><p>3</p></td></tr></table>');
    expect(html).toContain('<h2>工作目标</h2>');
    expect(html).toContain('<h3>（一）扩大覆盖面</h3>');
    expect(html).toContain('<h2>二、工作要求</h2>');
    expect(html).toContain('<p><strong>（一）加强领导。</strong>各镇要明确分管领导。</p>');
    expect(html).toMatch(/<ol>\s*<li>每镇建成一所老年学校。<\/li>\s*<li>每村开设市民学校。<\/li>\s*<\/ol>/);
    expect(result.images).toHaveLength(1);
    expect(html).toContain(`<p><img alt="教学点分布示意图" src="/files/${result.images[0].id}" /></p>`);
    expect(result.images[0].name).toBe('2024年工作通知-1.png');
    expect(html).not.toContain('data:');
    for (const gone of ['青山市教育局文件', '山教职', '关于做好2024年社区教育工作的通知', '各镇人民政府', '附件', '2024年3月1日', '抄送']) {
      expect(html, gone).not.toContain(gone);
    }
  });

  it('leaves out images a browser cannot show, with a warning', async () => {
    const emf = Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.alloc(80, 7)]);
    const result = await importDocx(noticeDocx(emf), 'emf.docx');
    expect(result.images).toEqual([]);
    expect(result.bodyHtml).not.toContain('<img');
    expect(result.warnings.map((w) => w.code)).toEqual(['image_unsupported']);
  });

  it('refuses a corrupt file, a zip that is not Word, and a zip bomb with 400 docx_invalid', async () => {
    const corrupt = noticeDocx().subarray(0, 3000);
    const notWord = zipArchive({ 'readme.txt': '不是 Word 文件' });
    for (const bytes of [corrupt, notWord, Buffer.from('PK\u0003\u0004 garbage'), Buffer.alloc(0)]) {
      const error = await importDocx(bytes, 'x.docx').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).messageId).toBe('content.import.docx_invalid');
    }
    // The guard inflates the parts under a cap (core/zip-size.ts, bombs tested there): a real document fits.
    expect(checkUnpackedSize(noticeDocx(), 200 * 1024 * 1024).ok).toBe(true);
    expect(checkUnpackedSize(noticeDocx(), 1000)).toEqual({ ok: false, reason: 'too_large' });
  });
});
