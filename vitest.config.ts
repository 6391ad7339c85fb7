import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Browser journeys of a dozen steps can pass 30 s while the other worker runs a database-heavy file.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on two cores: much of a test's time is waiting on PostgreSQL and Chromium, so a second worker
    // fills the gaps (one worker took about 760 s on this machine). Three were faster still on an idle machine but
    // starved the browser tests and the growth guards as soon as anything else ran.
    maxWorkers: 2,
  },
});
