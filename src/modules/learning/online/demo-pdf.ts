/**
 * A one-page PDF of short Chinese lines, written by hand (no library): the text uses Adobe's predefined
 * STSong-Light CID font with the UniGB-UCS2-H encoding, which PDF viewers provide themselves, so nothing is
 * embedded. Used for the demo's document lesson; the byte offsets of the cross-reference table are computed.
 */
export function simpleChinesePdf(title: string, lines: string[]): Buffer {
  const hex = (text: string) => [...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    // UCS-2 only: characters beyond the BMP are left out rather than written wrongly.
    return code > 0xffff ? '' : code.toString(16).toUpperCase().padStart(4, '0');
  }).join('');
  const content = [
    'BT', '/F1 20 Tf', '56 780 Td', `<${hex(title)}> Tj`, '/F1 13 Tf', '0 -40 Td',
    ...lines.flatMap((line) => [`<${hex(line)}> Tj`, '0 -24 Td']), 'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> '
      + '/FontDescriptor 7 0 R /DW 1000 >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 '
      + '/CapHeight 880 /StemV 93 >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
