import fs from 'node:fs';
import path from 'node:path';
import type { Client, Response, TestApp } from './test-app.js';
import { multipartBody, type FormPart } from './upload-fixtures.js';

/** Sends a multipart form as the client (its session cookie and CSRF token), like the back office does. */
export async function upload(t: TestApp, client: Client, url: string, parts: FormPart[]): Promise<Response> {
  const { payload, contentType } = multipartBody(parts);
  return sendRaw(t, client, 'POST', url, payload, contentType);
}

/** Any body with any Content-Type, for junk that no well-behaved client would send. */
export async function sendRaw(t: TestApp, client: Client, method: string, url: string, payload: Buffer | string,
  contentType: string): Promise<Response> {
  const res = await t.app.inject({
    method: method as never, url, payload,
    headers: {
      'content-type': contentType,
      ...(client.cookie ? { cookie: `lc_session=${client.cookie}` } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
  });
  const isJson = String(res.headers['content-type'] ?? '').includes('json');
  return { status: res.statusCode, body: isJson && res.body ? JSON.parse(res.body) : res.body, headers: res.headers, raw: res.body };
}

/** Every stored file's path under DATA_DIR/files (to prove a refused upload wrote nothing). */
export function storedFiles(t: TestApp): string[] {
  const root = path.join(t.db.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name)).sort();
}
