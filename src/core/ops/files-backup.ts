import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Uploaded files live beside the database in DATA_DIR/files. A backup copies them next to the database backup
 * (`<backup>.files/`) with a SHA256SUMS manifest, and a restore verifies every hash before it replaces the
 * current folder, so a backup whose files were damaged or altered is refused rather than half-restored.
 */
const MANIFEST = 'SHA256SUMS';

export function filesBackupDir(backupFile: string): string {
  return `${backupFile}.files`;
}

function listFiles(root: string, dir = ''): string[] {
  const here = path.join(root, dir);
  if (!fs.existsSync(here)) return [];
  return fs.readdirSync(here, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, rel) : entry.isFile() ? [rel] : [];
  });
}

const sha256File = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Copies DATA_DIR/files into `<backup>.files/` (written to a temporary folder, then renamed); returns the count. */
export function backupFiles(dataDir: string, backupFile: string): number {
  const source = path.join(dataDir, 'files');
  const target = filesBackupDir(backupFile);
  const staging = `${target}.tmp-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging, { recursive: true });
  const lines: string[] = [];
  for (const rel of listFiles(source)) {
    fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
    fs.copyFileSync(path.join(source, rel), path.join(staging, rel));
    lines.push(`${sha256File(path.join(staging, rel))}  ${rel.split(path.sep).join('/')}`);
  }
  fs.writeFileSync(path.join(staging, MANIFEST), lines.length ? `${lines.join('\n')}\n` : '');
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  return lines.length;
}

/** Checks every file of `<backup>.files/` against its manifest; throws before anything is changed. */
export function verifyFilesBackup(backupFile: string): Array<{ hash: string; rel: string }> {
  const source = filesBackupDir(backupFile);
  const manifest = path.join(source, MANIFEST);
  if (!fs.existsSync(manifest)) return [];
  const entries = fs.readFileSync(manifest, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [hash, rel] = [line.slice(0, 64), line.slice(66)];
    if (!/^[0-9a-f]{64}$/.test(hash) || rel.split('/').some((part) => part === '..' || part === '')) throw new Error(`${MANIFEST}: malformed line ${line}`);
    return { hash, rel };
  });
  for (const { hash, rel } of entries) {
    const file = path.join(source, ...rel.split('/'));
    if (!fs.existsSync(file) || sha256File(file) !== hash) throw new Error(`file backup damaged: ${rel} does not match ${MANIFEST}; nothing restored`);
  }
  return entries;
}

/** Verifies `<backup>.files/` and puts it in place of DATA_DIR/files; returns the count. */
export function restoreFiles(backupFile: string, dataDir: string): number {
  const source = filesBackupDir(backupFile);
  const entries = verifyFilesBackup(backupFile);
  if (!fs.existsSync(path.join(source, MANIFEST))) return 0;
  const target = path.join(dataDir, 'files');
  const staging = `${target}.restore-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging, { recursive: true });
  for (const { rel } of entries) {
    const to = path.join(staging, ...rel.split('/'));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(source, ...rel.split('/')), to);
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  return entries.length;
}
