import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/paths.js';

const mainPath = path.join(projectRoot, 'dist', 'src', 'main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `npm start` as a user runs it: the compiled server with its background work, on a fresh SQLite folder. */
describe('the server entry point', () => {
  it('starts with background work on, serves the portal with demo content, and stops on SIGTERM', async () => {
    expect(fs.existsSync(mainPath), 'run `npm run build:server` first (npm test does)').toBe(true);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-main-'));
    const port = await freePort();
    const child = spawn(process.execPath, [mainPath], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', DEMO: '1', NODE_ENV: 'development',
        LOG_LEVEL: 'silent', DATA_KEY: crypto.randomBytes(32).toString('base64') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 45_000, interval: 200 }).toContain('is running on SQLite');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const notices = await fetch(`http://127.0.0.1:${port}/c/notices`);
      expect(notices.status).toBe(200);
      expect(await notices.text()).toContain('通知公告');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
