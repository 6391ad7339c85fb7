import { writeWorkbook } from '../../../core/xlsx/write-workbook.js';
import type { Draft, ImportContext, ImportHandler } from './import-rows.js';
import type { ImportDb } from './import-schema.js';

/**
 * The template of one kind: sheet 1 is the empty import sheet (zh-CN headers, required ones marked `*`, a comment
 * with the format and an example on each header, drop-downs for enumerated columns and the caller's towns);
 * sheet 2 `说明` lists every column: required or not, the values allowed in the caller's scope, format, example.
 */
export async function buildTemplate(db: ImportDb, handler: ImportHandler<Draft, unknown>, ctx: ImportContext): Promise<Buffer> {
  const choices = handler.choices(await handler.load(db, ctx), ctx);
  return writeWorkbook([
    {
      name: handler.sheetName,
      columns: handler.columns.map((c) => ({
        key: c.field, header: c.header, required: c.required, type: 'text' as const,
        width: Math.max(12, Math.min(40, [...c.header].length * 2 + 4)),
        note: `${c.required ? '必填。' : '选填。'}${c.format}\n例：${c.example}`,
        choices: choices[c.field]?.dropDown ? choices[c.field].list : undefined,
      })),
      rows: [],
      validationRows: 2000,
    },
    {
      name: '说明',
      columns: [
        { key: 'header', header: '列名' },
        { key: 'required', header: '是否必填' },
        { key: 'allowed', header: '可填写的值（您的管理范围内）', width: 60 },
        { key: 'format', header: '格式', width: 50 },
        { key: 'example', header: '示例' },
      ],
      rows: [
        ...handler.columns.map((c) => ({
          header: c.header, required: c.required ? '必填' : '选填',
          allowed: choices[c.field]?.list.join(choices[c.field].dropDown ? '、' : '\n') ?? '', format: c.format, example: c.example,
        })),
        { header: '', required: '', allowed: '', format: '', example: '' },
        { header: '提示', required: '', allowed: '第一张工作表的第一行是表头，请勿修改；从第二行起每行一条记录。整份文件校验无误后才会写入，有任何一行出错都不会写入。', format: '', example: '' },
      ],
    },
  ]);
}
