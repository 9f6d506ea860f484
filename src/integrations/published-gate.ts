/**
 * The gate after every build (`src/lib/published/`): on `astro:build:done` it first removes the
 * copies Astro made of draft and withdrawn stories' photos, then judges every file in `dist/`
 * and stops the build with every problem, one line each. It adds itself at the end of the
 * integrations from `astro:config:setup`, so it runs after the sitemap (which `sitemap.ts` adds
 * the same way) and Pagefind, and sees their output too. The files are judged in worker threads
 * (`src/lib/published/threads.ts`), found from the project root that `astro:config:done` gives.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AstroIntegration } from 'astro';
import {
  formatGateProblem,
  judgePublished,
  openVerdictCache,
  readContentFacts,
  removeUnpublishedPhotos,
  rulesDigest,
} from '../lib/published/index.ts';
import { listDist } from '../lib/published/photos.ts';
import { checkedContent } from './content-guard.ts';
import { site } from '../site.config.ts';

/** The gate's options for this site: its own redirect to the WAS-Tool, and its logo (not judged). */
export const siteGateOptions = {
  site: site.url,
  redirects: { '/was/': site.accessibilityStatement },
  trusted: [site.logo.src.replace(/^\//, '')],
};

function gate(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'published-gate',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const distDir = fileURLToPath(dir);
        const content = await readContentFacts(root, siteGateOptions.redirects, checkedContent(root));
        // Listed once, for both steps.
        const listed = await listDist(distDir);
        const removed = new Set(await removeUnpublishedPhotos(distDir, content, listed));
        for (const file of removed) logger.info(`Fjernet ${file}: billede fra en historie, der ikke er udgivet`);
        const { site: url, trusted } = siteGateOptions;
        const options = { site: url, trusted, content };
        // Files judged clean by an earlier build (same bytes, facts and rules) are not judged again.
        const verdicts = await openVerdictCache(
          path.join(cacheDir, 'published-gate.json'),
          options,
          await rulesDigest(root),
        );
        // In worker threads, one a core, when there is enough to judge; the worker is loaded by
        // plain Node from this project's source.
        const files = listed.filter((f) => !removed.has(f));
        const report = await judgePublished(distDir, options, { verdicts, threads: { root }, files });
        const errors = report.problems;
        await verdicts.save();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const { counts } = report;
        logger.info(
          `Udgivelsestjek: ${report.files} filer på ${seconds} s i ${report.threads} tråde (${counts.judged} læst og tjekket, ${counts['by-name']} tjekket efter navn og størrelse, ${counts.remembered} uændret siden sidst)`,
        );
        if (errors.length === 0) return;
        for (const problem of errors) logger.error(formatGateProblem(problem));
        throw new Error(
          `${errors.length} fejl i det byggede websted (dist/). Ret kilden, og byg igen; intet må udgives sådan.`,
        );
      },
    },
  };
}

export default function publishedGate(): AstroIntegration {
  return {
    name: 'published-gate-setup',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [gate()] });
      },
    },
  };
}
