/**
 * `npm run bench:build`'s steps of a build (scripts/bench/stages.ts): read off the lines of an
 * Astro 7 build log as they arrive, they add up to the wall time whatever lines are missing.
 */
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES, stagesOf, timedLines, type LogLine } from '../../scripts/bench/stages.ts';

/** A warm build of the project, as Astro 7.3 and the integrations print it (times made up). */
const PROJECT: LogLine[] = [
  [1.2, '12:50:33 [content-guard] Indholdstjek: 1101 filer på 0.6 s'],
  [3.4, '12:50:35 [content] Syncing content'],
  [3.9, '12:50:36 [content] Synced content'],
  [4.0, '12:50:36 [build] Collecting build info...'],
  [4.0, '12:50:36 [build] ✓ Completed in 3.57s.'],
  [4.9, '12:50:36 [build] Building static entrypoints...'],
  [7.8, '12:50:40 [vite] ✓ built in 2.90s'],
  [8.0, ' generating static routes '],
  [9.0, '12:50:41   ├─ /index.html (+12ms) '],
  [10.6, '12:50:43 ✓ Completed in 2.60s.'],
  [10.6, ' generating optimized images '],
  [11.1, '12:50:44 ✓ Completed in 500ms.'],
  [11.2, '12:50:44 [build] ✓ Completed in 7.91s.'],
  [12.9, '12:50:46 [build] Complete!'],
].map(([at, text]) => ({ at: at as number, text: text as string }));

const stages = (lines: LogLine[], end: number) =>
  Object.fromEntries(stagesOf(lines, end).map((stage) => [stage.name, Number(stage.seconds.toFixed(2))]));

describe('the steps of a build', () => {
  it('splits a project build at the lines that end each step, and they add up to its wall time', () => {
    expect(stages(PROJECT, 13.1)).toEqual({
      opstart: 3.4,
      indhold: 0.6,
      'tøm dist': 0.9,
      Vite: 3.1,
      sider: 2.6,
      billeder: 0.5,
      afslutning: 2,
    });
    const all = stagesOf(PROJECT, 13.1);
    expect(all.map((stage) => stage.name)).toEqual(STAGE_NAMES);
    expect(all.reduce((sum, stage) => sum + stage.seconds, 0)).toBeCloseTo(13.1, 6);
  });

  it('leaves out the images of a site without any, and the rest counts to the end', () => {
    const bare = PROJECT.filter((line) => !/optimized images|500ms|Indholdstjek/.test(line.text));
    const found = stages(bare, 12);
    expect(found).not.toHaveProperty('billeder');
    expect(found.sider).toBe(2.6);
    expect(found.afslutning).toBe(1.4);
  });

  it('does not take the "Completed in" of the build info for the end of the routes', () => {
    const noRoutesEnd = PROJECT.filter((line) => !/2\.60s/.test(line.text));
    const found = stages(noRoutesEnd, 13.1);
    // The routes' end is now the images' "Completed in", never the build info's at 4.0 s.
    expect(found.sider).toBe(3.1);
    expect(found).not.toHaveProperty('billeder');
  });

  it('gives a build that stopped before Astro said anything one step: all of it', () => {
    expect(stagesOf([{ at: 0.4, text: 'Error: something broke' }], 0.9)).toEqual([
      { name: 'afslutning', seconds: 0.9 },
    ]);
    expect(stagesOf([], 0)).toEqual([{ name: 'afslutning', seconds: 0 }]);
  });
});

describe('timed lines', () => {
  it('times each line by the chunk that finished it, across split chunks, CRLF and an unfinished last line', () => {
    let clock = 0;
    const timed = timedLines(() => clock);
    clock = 1;
    timed.add('[content] Sync');
    clock = 2;
    timed.add('ing content\r\nCollecting build info...\nBuilding');
    clock = 3;
    timed.add(' static entrypoints...\n');
    clock = 4;
    timed.add('generating static routes');
    expect(timed.lines()).toEqual([
      { at: 2, text: '[content] Syncing content' },
      { at: 2, text: 'Collecting build info...' },
      { at: 3, text: 'Building static entrypoints...' },
      { at: 4, text: 'generating static routes' },
    ]);
  });
});
