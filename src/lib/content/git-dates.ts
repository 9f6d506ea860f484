/**
 * When each content file last changed, from git history: one `git log` for the whole
 * content folder, read once per build. Files git does not know (a new file, a shallow
 * clone without history, no git at all) get no date, and pages fall back to the entry's own dates.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Maps a path relative to the repository root (`src/content/x/y.md`) to its last commit date. */
export function readGitDates(cwd: string, folder: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log: string;
  try {
    log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--', folder], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return dates;
  }
  let current: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\u0000')) current = new Date(line.slice(1));
    else if (line && current && !dates.has(line)) dates.set(line.split('/').join(path.posix.sep), current);
  }
  return dates;
}
