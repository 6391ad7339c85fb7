import fs from 'node:fs';

/** Replaces (or appends) the block between `<!-- marker:start -->` and `<!-- marker:end -->` in a Markdown file. */
export function writeDocSection(docPath: string, section: string, marker: string) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  let doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  const block = `${start}\n${section}\n${end}`;
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.replace(/\n*$/, '\n')}\n${block}\n`;
  fs.writeFileSync(docPath, doc);
}
