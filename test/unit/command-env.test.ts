/**
 * Commands the tests run (builds, the checker, scripts) get the environment a person or CI would
 * start them with, not the variables Vitest adds: Astro inlines environment variables into server
 * code, so a build started from a test compiled `import.meta.env.DEV` as "1".
 */
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers.ts';

const printEnv = 'console.log(JSON.stringify(process.env))';

describe('the environment of a command a test runs', () => {
  it("has none of Vitest's variables, and keeps the rest", async () => {
    // What the test process itself has: Vitest's import.meta.env, in process.env.
    expect(process.env.VITEST).toBeDefined();
    expect(process.env.DEV).toBeDefined();
    const { stdout } = await runNode(['-e', printEnv]);
    const env = JSON.parse(stdout) as Record<string, string>;
    for (const key of [
      'MODE',
      'DEV',
      'PROD',
      'SSR',
      'BASE_URL',
      'TEST',
      'VITEST',
      'VITEST_WORKER_ID',
      'VITEST_POOL_ID',
    ])
      expect(env, key).not.toHaveProperty(key);
    expect(env.NODE_ENV).not.toBe('test');
    expect(env.PATH).toBe(process.env.PATH);
    expect(env.NO_COLOR).toBe('1');
  });

  it('takes variables of its own', async () => {
    const { stdout } = await runNode(['-e', printEnv], undefined, { _: '/usr/bin/npm', NO_COLOR: '0' });
    expect(JSON.parse(stdout)).toMatchObject({ _: '/usr/bin/npm', NO_COLOR: '0' });
  });
});
