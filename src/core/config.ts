import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** Everything the process reads from its environment, validated once at start. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** null selects the embedded SQLite database under dataDir. */
  databaseUrl: string | null;
  /** Seed demo data (regions, institutions, demo accounts) on first start. Never in production. */
  demo: boolean;
  /** Send the session cookie with Secure; on when served behind TLS. */
  secureCookies: boolean;
  trustProxy: boolean;
  /** 32 bytes that protect personal fields at rest (AES-256-GCM + HMAC look-up hash). */
  dataKey: Buffer;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  siteName: string;
  /**
   * The site's public address without a trailing slash (PUBLIC_BASE_URL, e.g. https://xuexi.example.gov.cn):
   * canonical URLs, sitemaps, feeds, JSON-LD and QR codes are absolute and must not trust the Host header.
   * Defaults to http://localhost:PORT outside production.
   */
  publicBaseUrl: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name} must be true/false (or 1/0), got "${raw}"`);
  return fallback;
}

/** Reads DATA_KEY, or in non-production keeps a generated key in DATA_DIR/secret.key (mode 600). */
function resolveDataKey(env: Env, dataDir: string, production: boolean, problems: string[]): Buffer {
  const raw = env.DATA_KEY;
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) problems.push('DATA_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  const keyFile = path.join(dataDir, 'secret.key');
  if (fs.existsSync(keyFile)) return Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
  if (production) {
    problems.push(`DATA_KEY is required in production (no ${keyFile} found)`);
    return Buffer.alloc(32);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(keyFile, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}

/** An http(s) origin with an optional path prefix, kept without its trailing slash. */
function parsePublicBaseUrl(raw: string | undefined, port: number, problems: string[]): string {
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL | null = null;
  try { url = new URL(raw); } catch { /* reported below */ }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    problems.push(`PUBLIC_BASE_URL must be an http(s) URL without query, fragment or credentials, got "${raw}"`);
    return `http://localhost:${port}`;
  }
  return url.href.replace(/\/+$/, '');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';

  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port > 65535) problems.push(`PORT must be an integer 0–65535, got "${portRaw}"`);

  const host = env.HOST ?? '0.0.0.0';
  const dataDir = path.resolve(env.DATA_DIR ?? './data');

  let databaseUrl: string | null = env.DATABASE_URL ?? null;
  if (databaseUrl === '') databaseUrl = null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)');
  }

  const demo = parseBool('DEMO', env.DEMO, !production, problems);
  if (demo && production) problems.push('DEMO cannot be on in production: demo accounts share a known password');

  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    port,
    host,
    dataDir,
    databaseUrl,
    demo,
    secureCookies: parseBool('SECURE_COOKIES', env.SECURE_COOKIES, production, problems),
    trustProxy: parseBool('TRUST_PROXY', env.TRUST_PROXY, false, problems),
    dataKey: Buffer.alloc(0),
    logLevel,
    siteName: env.SITE_NAME ?? '',
    publicBaseUrl: parsePublicBaseUrl(env.PUBLIC_BASE_URL, port, problems),
  };
  if (problems.length === 0) config.dataKey = resolveDataKey(env, dataDir, production, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
