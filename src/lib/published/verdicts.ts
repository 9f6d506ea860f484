/**
 * What the gate judged clean in earlier builds, so an incremental build judges only what changed.
 * A verdict is a pure function of the file's path and bytes, the content facts the rules read
 * (redirects, hidden stories, photos) and the rules' own code; the cache keeps, under one `version`
 * digest of facts and code, the keys (path + bytes) of files that had no problem. Any change to
 * the facts or the rules gives a new version and an empty cache. A file with a problem is never
 * cached, so a failing build reports every problem again next time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Verdict } from './judge.ts';
import type { ContentFacts, GateOptions } from './types.ts';

export interface VerdictCache {
  /** The keys (path + bytes) judged clean by the last build under the same facts and rules. */
  readonly remembered: ReadonlySet<string>;
  /** What became of one file this build: a remembered or newly clean file is kept for the next. */
  record(verdict: Verdict): void;
  /** Files read and judged in this build (not remembered from before). */
  readonly judged: number;
  /** Writes the clean keys of this build (only these: files no longer built drop out). */
  save(): Promise<void>;
}

/** A file's key in the cache: its path and its bytes. */
export const verdictKey = (file: string, bytes: Uint8Array): string =>
  createHash('sha256').update(file).update('\0').update(bytes).digest('base64url').slice(0, 32);

/** The facts a verdict depends on. `sources` only names the file a problem came from, and no clean verdict has one. */
function factsDigest(options: GateOptions): unknown {
  const facts: ContentFacts | undefined = options.content;
  return {
    site: options.site,
    trusted: [...(options.trusted ?? [])].sort(),
    redirects: facts ? [...facts.redirects].sort() : [],
    hidden: facts?.hiddenStories.map((s) => [s.id, s.withdrawn]).sort() ?? [],
    unpublished: facts?.unpublishedPhotos.map((p) => [p.sha256, p.size, path.basename(p.path)]).sort() ?? [],
    publishedHashes: facts ? [...facts.publishedPhotoHashes].sort() : [],
    publishedStems: facts ? [...facts.publishedPhotoStems].sort() : [],
  };
}

/** A digest of the gate's rules: every file of `src/lib/published/` and the lockfile (parse5, saxes …). */
export async function rulesDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  const dir = path.join(root, 'src', 'lib', 'published');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    hash.update(file.slice(root.length)).update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}

/** Opens the cache in `file` for this build's facts and rules; a missing or stale file is an empty cache. */
export async function openVerdictCache(file: string, options: GateOptions, rules: string): Promise<VerdictCache> {
  const version = createHash('sha256')
    .update(rules)
    .update(JSON.stringify(factsDigest(options)))
    .digest('hex');
  let previous = new Set<string>();
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; clean?: unknown };
    if (stored.version === version && Array.isArray(stored.clean)) previous = new Set(stored.clean.map(String));
  } catch {
    // No cache yet, or an unreadable one: judge everything.
  }
  const next = new Set<string>();
  let judged = 0;
  return {
    remembered: previous,
    record({ how, key, problems }) {
      if (how === 'judged') judged++;
      // A file with a problem is never remembered: the next build reports it again.
      if (key !== undefined && problems.length === 0) next.add(key);
    },
    get judged() {
      return judged;
    },
    async save() {
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, JSON.stringify({ version, clean: [...next] }));
      await rename(partial, file);
    },
  };
}
