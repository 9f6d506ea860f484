/**
 * Where a build's wall time goes, read off the moments its log lines arrive (the log's own clock
 * shows whole seconds). The same steps for the bare skeleton and the project, so that
 * `npm run bench:build` can say which of them a ratio is made of:
 *   opstart     until Astro starts the content sync: Node, Astro, the config and its integrations
 *               (the project's checker runs here)
 *   indhold     the content sync
 *   tøm dist    until Vite starts: Astro deletes the last build's `dist/`
 *   Vite        the bundle of the pages
 *   sider       the routes: rendered, or copied from the last build
 *   billeder    the image variants (none in the bare skeleton)
 *   afslutning  the rest: the integrations' `astro:build:done` (search index, sitemap, the gate)
 * A step whose line never came is left out and its time counted in the next one, so the steps
 * always add up to the build's wall time.
 */

/** A line of a build's output and when it arrived, in seconds from the start. */
export interface LogLine {
  at: number;
  text: string;
}

export interface Stage {
  name: string;
  seconds: number;
}

/**
 * The line that ends each step, in order, and for a step that has one the header that line must
 * follow (it may be the line that ended the step before); `afslutning` ends with the process.
 */
const MARKS: { name: string; ends: RegExp; after?: RegExp }[] = [
  { name: 'opstart', ends: /\[content\] Syncing content/ },
  { name: 'indhold', ends: /Collecting build info/ },
  { name: 'tøm dist', ends: /Building \w+ entrypoints/ },
  { name: 'Vite', ends: /generating static routes/ },
  { name: 'sider', ends: /Completed in/, after: /generating static routes/ },
  { name: 'billeder', ends: /Completed in/, after: /generating optimized images/ },
];

/** Every step's name, in order. */
export const STAGE_NAMES: readonly string[] = [...MARKS.map((mark) => mark.name), 'afslutning'];

/** The steps of one build from its timed lines and its wall time (`end`). */
export function stagesOf(lines: LogLine[], end: number): Stage[] {
  const stages: Stage[] = [];
  let from = 0;
  /** The line that ended the last step found; a header may be that very line. */
  let last = -1;
  const next = (pattern: RegExp, after: number) => lines.findIndex((line, i) => i > after && pattern.test(line.text));
  for (const mark of MARKS) {
    let start = last;
    if (mark.after) {
      start = next(mark.after, last - 1);
      if (start < 0) continue;
    }
    const found = next(mark.ends, start);
    if (found < 0) continue;
    stages.push({ name: mark.name, seconds: Math.max(0, lines[found]!.at - from) });
    from = lines[found]!.at;
    last = found;
  }
  stages.push({ name: 'afslutning', seconds: Math.max(0, end - from) });
  return stages;
}

/**
 * Collects a child's output as timed lines: each line gets the moment its last piece arrived.
 * `add` takes the chunks as they come; `lines` gives what has come, a last unfinished line included.
 */
export function timedLines(now: () => number): { add(chunk: string): void; lines(): LogLine[] } {
  const done: LogLine[] = [];
  let pending = '';
  return {
    add(chunk) {
      const at = now();
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop() ?? '';
      for (const text of parts) done.push({ at, text });
    },
    lines: () => (pending ? [...done, { at: now(), text: pending }] : [...done]),
  };
}
