/**
 * Commands the tests run (builds, the checker, scripts) get the environment a person or CI would
 * start them with, not the variables Vitest adds: Astro inlines environment variables into server
 * code, so a build started from a test compiled `import.meta.env.DEV` as "1".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runNode } from '../helpers.ts';

const printEnv = 'console.log(JSON.stringify(process.env))';

/** What Vitest 5 puts in a worker's environment (set here too, so the test holds whatever a later Vitest does). */
const VITEST_SETS = {
  MODE: 'test',
  DEV: '1',
  PROD: '',
  SSR: '1',
  BASE_URL: '/',
  TEST: 'true',
  VITEST: 'true',
  VITEST_MODE: 'RUN',
  VITEST_WORKER_ID: '1',
  VITEST_POOL_ID: '1',
  NODE_ENV: 'test',
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the environment of a command a test runs', () => {
  it("has none of Vitest's variables, and keeps the rest", async () => {
    for (const [key, value] of Object.entries(VITEST_SETS)) vi.stubEnv(key, value);
    const { stdout } = await runNode(['-e', printEnv]);
    const env = JSON.parse(stdout) as Record<string, string>;
    for (const key of Object.keys(VITEST_SETS)) expect(env, key).not.toHaveProperty(key);
    expect(env.PATH).toBe(process.env.PATH);
    expect(env.NO_COLOR).toBe('1');
  });

  it('takes variables of its own', async () => {
    const { stdout } = await runNode(['-e', printEnv], undefined, { _: '/usr/bin/npm', NO_COLOR: '0' });
    expect(JSON.parse(stdout)).toMatchObject({ _: '/usr/bin/npm', NO_COLOR: '0' });
  });
});
