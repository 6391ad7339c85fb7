import { ConfigError, loadConfig, type AppConfig } from './core/config.js';
import { buildApp } from './app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './core/seed/seed-demo.js';

function startupBanner(config: AppConfig, address: string, dialect: string): string {
  const base = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = [
    `Learning City (学习型城市平台) is running on ${dialect === 'postgres' ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}`,
    `  portal       ${base}/`,
    `  back office  ${base}/admin/`,
    `  API docs     ${base}/api/docs`,
  ];
  if (config.demo) {
    lines.push(`  demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  } else {
    lines.push('  create the first administrator with: npm run cli -- create-user --username NAME --role city_admin');
  }
  return lines.join('\n');
}

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp({ config, background: true });
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(startupBanner(config, address, app.core.dialect));
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
