/** What the gate after every build works with: the files in `dist/`, and what the content says. */

/** One unsafe or broken thing in one published file. */
export interface GateProblem {
  /** Path inside `dist/`, with forward slashes, e.g. `historier/ny-historie/index.html`. */
  file: string;
  /** What is wrong and what to do, in Danish. */
  message: string;
  /** The content file behind it, when the gate can tell, e.g. `src/content/stories/x.md`. */
  source?: string | undefined;
  /** Which rule found it (the name in the rule table), so tests and reports can group problems. */
  rule: string;
}

/** A finding of a rule inside one file; the gate adds the file and the rule's name. */
export interface Finding {
  message: string;
  source?: string | undefined;
  /** The rule's own name when a file rule runs several (the page rules). */
  rule?: string | undefined;
}

/** A photo of a draft or withdrawn story: its bytes may not be published. */
export interface UnpublishedPhoto {
  /** Absolute path of the source image. */
  path: string;
  /** The story's content file, e.g. `src/content/stories/x.md`. */
  source: string;
  sha256: string;
  size: number;
}

/** What the content says, for the rules that need it (read by `readContentFacts`). */
export interface ContentFacts {
  /** Site path of every page that comes from a content file (`/historier/x/` → `src/content/stories/x.md`). */
  sources: Map<string, string>;
  /** Static redirect pages the site makes (`redirectFrom`, `/was/`): site path → target (path or URL). */
  redirects: Map<string, string>;
  /** Photos of drafts and withdrawn stories. */
  unpublishedPhotos: UnpublishedPhoto[];
  /**
   * sha256 of the images published entries use that have the size of an unpublished photo: the
   * same bytes may then be published. (Only those can have its bytes; the others are not read.)
   */
  publishedPhotoHashes: Set<string>;
  /** File names without extension of those images (`_astro/` names derived images after them). */
  publishedPhotoStems: Set<string>;
  /** Drafts and withdrawn stories: nothing but a withdrawn story's notice page may carry their slug. */
  hiddenStories: { id: string; source: string; withdrawn: boolean }[];
}

export interface GateOptions {
  /** The site's URL (`site.url`): same origin is "ours". */
  site: string;
  /** What the content says; without it the redirect and consent rules have nothing to compare with. */
  content?: ContentFacts | undefined;
  /** Files in `dist/` not judged, e.g. the site's own logo (`logo.svg`). */
  trusted?: string[] | undefined;
}

/** A file in `dist/` as the rules see it. */
export interface DistFile {
  /** Path inside `dist/`, forward slashes. */
  file: string;
  /** The site path it is served at (`/historier/x/` for `historier/x/index.html`). */
  urlPath: string;
  /** Absolute path on disk. */
  path: string;
  size: number;
  bytes(): Promise<Buffer>;
  text(): Promise<string>;
}

export interface GateContext {
  options: GateOptions;
  origin: string;
  /** The content file behind a site path, if any. */
  sourceFor(urlPath: string): string | undefined;
}

/** One rule of the table in `index.ts`: which files it judges, and how. */
export interface FileRule {
  name: string;
  /** Which files in `dist/` (path inside dist, forward slashes). */
  files: RegExp;
  /**
   * It judges a file by its name and size alone, and reads its bytes only in a rare case (the
   * consent rule: when the size is that of an unpublished photo). A file that only such rules
   * apply to (images, scripts, styles, Pagefind's index) is judged again on every build instead
   * of being read and hashed to look up the verdict cache: that is cheaper, and never stale.
   */
  byNameAndSize?: boolean;
  check(file: DistFile, context: GateContext): Finding[] | Promise<Finding[]>;
}
