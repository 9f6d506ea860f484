/**
 * Runs the editors' checker before Astro reads any content, so `astro build` stops on every
 * problem `npm run check` finds — all of them at once — and nothing invalid is published.
 * Astro by itself only logs a broken reference, lets `x.md` silently replace `x.mdx`, rolls
 * 2026-02-30 over to March and copies raw `<script>` into pages.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, type CheckResult } from '../lib/validation/check.ts';
import { formatProblem } from '../lib/validation/problem.ts';

/** The check this build ran, by project root: the gate after the build reads the same content (see published-gate.ts). */
const checked = new Map<string, CheckResult>();
export const checkedContent = (root: string): CheckResult | undefined => checked.get(root);

export default function contentGuard(): AstroIntegration {
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        // The checker remembers per file in Astro's cache folder (the deploy workflow keeps it), so
        // a warm build or one after an edit re-checks only the files that changed.
        const started = performance.now();
        const result = await checkContent(root, { cacheDir: fileURLToPath(config.cacheDir) });
        const { problems } = result;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `Indholdstjek: ${result.files} filer på ${seconds} s; ${result.memo?.checked ?? result.files} tjekket på ny, resten uændret siden sidste tjek`,
        );
        if (problems.length === 0) {
          checked.set(root, result);
          return;
        }
        for (const problem of problems) logger.error(formatProblem(problem));
        const summary = `${problems.length} fejl i indholdet. Ret dem (kør \`npm run check\`), før webstedet kan bygges.`;
        // In the dev server editors see the errors and keep their preview; a build stops.
        if (command === 'build') throw new Error(summary);
        logger.warn(summary);
      },
    },
  };
}
