import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { parseCidr } from './http/ip-networks.js';

/** Everything the process reads from its environment, validated once at start. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** null selects the embedded SQLite database under dataDir. */
  databaseUrl: string | null;
  /** DATABASE_POOL_SIZE: PostgreSQL connections per process (enrolment lanes hold one each while a batch runs). */
  databasePoolSize: number;
  /** Seed demo data (regions, institutions, demo accounts) on first start. Never in production. */
  demo: boolean;
  /** Send the session cookie with Secure; on when served behind TLS. */
  secureCookies: boolean;
  /** TRUST_PROXY: off, on (any hop), or the proxies' addresses/CIDRs — only they may set X-Forwarded-For. */
  trustProxy: boolean | string[];
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
  /** Load shedding (T6): 503 + Retry-After while the event loop is this far behind; 0 turns a limit off. */
  loadShedding: { maxEventLoopDelayMs: number; maxEventLoopUtilization: number };
  /** ADMIN_ALLOWED_NETWORKS (T7): staff back office and staff API only from these CIDRs; null = from anywhere. */
  adminAllowedNetworks: string[] | null;
  /** Security alert thresholds (L9). Office hours are minutes after midnight, China Standard Time. */
  alerts: {
    lockoutCount: number; lockoutWindowMinutes: number; exportRows: number; exportsPerHour: number;
    officeHours: { startMinute: number; endMinute: number };
  };
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

/** PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

function parseNumber(name: string, raw: string | undefined, fallback: number,
  range: { min: number; max: number; integer?: boolean }, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
    problems.push(`${name} must be ${range.integer ? 'an integer' : 'a number'} from ${range.min} to ${range.max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** A comma-separated list of IPv4/IPv6 addresses or CIDRs; every bad entry is named. */
function parseNetworkList(name: string, raw: string, problems: string[]): string[] {
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => parseCidr(e) === null);
  if (entries.length === 0 || bad.length > 0) {
    problems.push(`${name} must be a comma-separated list of IP addresses or CIDRs (10.0.0.0/8, 2001:db8::/32), got "${bad.join(', ') || raw}"`);
  }
  return entries;
}

function parseTrustProxy(raw: string | undefined, problems: string[]): boolean | string[] {
  if (raw === undefined || raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  return parseNetworkList('TRUST_PROXY', raw, problems);
}

/** `07:00-22:00` → minutes after midnight; the start must come before the end. */
function parseOfficeHours(raw: string | undefined, problems: string[]): { startMinute: number; endMinute: number } {
  const fallback = { startMinute: 7 * 60, endMinute: 22 * 60 };
  if (raw === undefined || raw === '') return fallback;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(raw.trim());
  const startMinute = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  const endMinute = m ? Number(m[3]) * 60 + Number(m[4]) : 0;
  if (!m || endMinute > 24 * 60 || startMinute >= endMinute) {
    problems.push(`ALERT_OFFICE_HOURS must be HH:MM-HH:MM with the start before the end (China Standard Time), got "${raw}"`);
    return fallback;
  }
  return { startMinute, endMinute };
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
    databasePoolSize: parseNumber('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE, { min: 2, max: 200, integer: true }, problems),
    demo,
    secureCookies: parseBool('SECURE_COOKIES', env.SECURE_COOKIES, production, problems),
    trustProxy: parseTrustProxy(env.TRUST_PROXY, problems),
    dataKey: Buffer.alloc(0),
    logLevel,
    siteName: env.SITE_NAME ?? '',
    publicBaseUrl: parsePublicBaseUrl(env.PUBLIC_BASE_URL, port, problems),
    // A whole second of average timer lag is far past anything a healthy process (or a bench) shows; utilisation
    // alone is off by default because a busy but keeping-up loop (a bench) sits near 1.
    loadShedding: {
      maxEventLoopDelayMs: parseNumber('LOAD_SHED_MAX_DELAY_MS', env.LOAD_SHED_MAX_DELAY_MS, 1000, { min: 0, max: 60_000, integer: true }, problems),
      maxEventLoopUtilization: parseNumber('LOAD_SHED_MAX_UTILIZATION', env.LOAD_SHED_MAX_UTILIZATION, 0, { min: 0, max: 1 }, problems),
    },
    adminAllowedNetworks: env.ADMIN_ALLOWED_NETWORKS ? parseNetworkList('ADMIN_ALLOWED_NETWORKS', env.ADMIN_ALLOWED_NETWORKS, problems) : null,
    alerts: {
      lockoutCount: parseNumber('ALERT_LOCKOUT_COUNT', env.ALERT_LOCKOUT_COUNT, 5, { min: 1, max: 10_000, integer: true }, problems),
      lockoutWindowMinutes: parseNumber('ALERT_LOCKOUT_WINDOW_MIN', env.ALERT_LOCKOUT_WINDOW_MIN, 15, { min: 1, max: 1440, integer: true }, problems),
      exportRows: parseNumber('ALERT_EXPORT_ROWS', env.ALERT_EXPORT_ROWS, 1000, { min: 1, max: 10_000_000, integer: true }, problems),
      exportsPerHour: parseNumber('ALERT_EXPORTS_PER_HOUR', env.ALERT_EXPORTS_PER_HOUR, 20, { min: 1, max: 10_000, integer: true }, problems),
      officeHours: parseOfficeHours(env.ALERT_OFFICE_HOURS, problems),
    },
  };
  if (problems.length === 0) config.dataKey = resolveDataKey(env, dataDir, production, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
