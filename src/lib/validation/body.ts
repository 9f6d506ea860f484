/**
 * Refuses unsafe HTML at the source. Astro's Markdown engine (Sätteri) copies raw HTML into
 * pages as is; rather than slow the build with a sanitiser we parse the body with the same
 * engine (`satteri`) and reject what must never reach a page. MDX gets the stricter rules of
 * the content model: imports only from the allow-list, no expressions, no exports.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { htmlToHast, markdownToMdast, mdxToMdast } from 'satteri';

/** Elements an editor may never use. */
export const FORBIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'style',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'link',
  'meta',
  'form',
  'applet',
  'noscript',
  'template',
]);

/** URL schemes that run code or smuggle a document in. */
const UNSAFE_URL = /^(?:javascript|vbscript|data(?!:image\/(?:png|jpe?g|gif|webp|avif)[;,])):/i;

/** Where MDX may import components from. */
export const MDX_COMPONENT_DIR = 'src/components/mdx';

export interface BodyIssue {
  line: number | undefined;
  message: string;
}

interface Node {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  tagName?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

function isUnsafeUrl(value: unknown): boolean {
  // Browsers ignore control characters and whitespace inside a scheme: strip them as they do.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  return typeof value === 'string' && UNSAFE_URL.test(value.replace(/[\u0000-\u0020]/g, ''));
}

const URL_ATTRIBUTES = /^(href|src|srcset|action|formaction|xlinkhref|xlink:href|poster|background|cite|data|ping)$/i;

/** Checks one element's name and attributes; used for raw HTML and for lowercase MDX tags. */
function checkElement(tag: string, attributes: [string, unknown][], report: (m: string) => void) {
  if (tag.toLowerCase() === 'img') {
    report(
      '<img> i teksten bliver hverken tjekket eller gjort mindre. Brug et Markdown-billede: ![alt-tekst](./images/fil.jpg)',
    );
  }
  if (FORBIDDEN_ELEMENTS.has(tag.toLowerCase())) {
    report(`<${tag}> er ikke tilladt i indhold. Fjern elementet (indlejret indhold og scripts kan ikke bruges)`);
  }
  for (const [attribute, value] of attributes) {
    const name = attribute.toLowerCase();
    if (/^on/i.test(name)) report(`attributten ${name} på <${tag}> er ikke tilladt (den kan køre kode). Fjern den`);
    if (URL_ATTRIBUTES.test(name) && isUnsafeUrl(value)) {
      report(
        `<${tag} ${name}="…"> bruger en adresse, der kan køre kode (javascript:). Brug en almindelig https://-adresse`,
      );
    }
    if (/^style$/i.test(name))
      report(`attributten style på <${tag}> er ikke tilladt. Lad webstedets design styre udseendet`);
  }
}

function walkHast(node: Node, report: (m: string) => void) {
  if (node.type === 'element' && node.tagName) {
    if (!['html', 'head', 'body'].includes(node.tagName)) {
      checkElement(node.tagName, Object.entries(node.properties ?? {}), report);
    }
  }
  for (const child of node.children ?? []) walkHast(child, report);
}

/** Checks a Markdown body. `bodyLine` is where the body starts in the file. */
export function checkMarkdownBody(body: string, bodyLine: number): BodyIssue[] {
  const issues: BodyIssue[] = [];
  walkMdast(markdownToMdast(body) as Node, bodyLine, issues, undefined);
  return issues;
}

/** Checks an MDX body: the Markdown rules plus imports, exports, expressions and components. */
export function checkMdxBody(body: string, bodyLine: number, file: string, root: string): BodyIssue[] {
  const issues: BodyIssue[] = [];
  let tree: Node;
  try {
    tree = mdxToMdast(body) as Node;
  } catch (error) {
    return [
      {
        line: undefined,
        message: `MDX kan ikke læses: ${(error as Error).message}. Tjek at alle <Komponenter> er lukket, og at { } ikke bruges`,
      },
    ];
  }
  walkMdast(tree, bodyLine, issues, { file, root, imported: new Set() });
  return issues;
}

interface MdxContext {
  file: string;
  root: string;
  imported: Set<string>;
}

function walkMdast(node: Node, bodyLine: number, issues: BodyIssue[], mdx: MdxContext | undefined) {
  const line = node.position ? node.position.start.line + bodyLine - 1 : undefined;
  const report = (message: string) => issues.push({ line, message });

  switch (node.type) {
    case 'html': {
      const hast = htmlToHast(node.value ?? '') as Node;
      walkHast(hast, report);
      break;
    }
    case 'link':
    case 'image':
    case 'definition':
      if (isUnsafeUrl(node.url))
        report('linket bruger en adresse, der kan køre kode (javascript:). Brug en almindelig https://-adresse');
      break;
    case 'mdxjsEsm':
      if (mdx) checkEsm(node.value ?? '', mdx, report);
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      report(
        'udtryk i { } er ikke tilladt i MDX. Skriv teksten direkte, eller brug en komponent fra src/components/mdx/',
      );
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (mdx) checkJsx(node, mdx, report);
      break;
  }
  for (const child of node.children ?? []) walkMdast(child, bodyLine, issues, mdx);
}

function checkEsm(source: string, mdx: MdxContext, report: (m: string) => void) {
  const statements = source
    .split(/;?\n|;/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const statement of statements) {
    const m = /^import\s+([A-Z][A-Za-z0-9]*)\s+from\s+['"]([^'"]+)['"]$/.exec(statement);
    if (!m) {
      report(
        `"${statement.slice(0, 60)}" er ikke tilladt i MDX. Kun \`import Navn from '../../components/mdx/Navn.astro'\` er tilladt`,
      );
      continue;
    }
    const [, name, spec] = m as unknown as [string, string, string];
    const target = spec.startsWith('@/')
      ? path.join(mdx.root, 'src', spec.slice(2))
      : spec.startsWith('.')
        ? path.resolve(path.dirname(path.join(mdx.root, mdx.file)), spec)
        : undefined;
    const allowedDir = path.join(mdx.root, MDX_COMPONENT_DIR) + path.sep;
    if (!target || !target.startsWith(allowedDir) || !target.endsWith('.astro')) {
      report(`import fra "${spec}" er ikke tilladt. MDX må kun importere komponenter fra ${MDX_COMPONENT_DIR}/`);
      continue;
    }
    // Where the site has the component folder (a build always does), the file must be in it.
    if (existsSync(allowedDir) && !existsSync(target)) {
      report(`import fra "${spec}": filen findes ikke. Tjek navnet; komponenterne ligger i ${MDX_COMPONENT_DIR}/`);
      continue;
    }
    mdx.imported.add(name);
  }
}

function checkJsx(node: Node, mdx: MdxContext, report: (m: string) => void) {
  const name = node.name ?? '';
  if (name === '') {
    return; // a fragment `<>…</>` carries nothing of its own
  }
  const attributes: [string, unknown][] = [];
  for (const attribute of node.attributes ?? []) {
    if (
      attribute.type !== 'mdxJsxAttribute' ||
      (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string')
    ) {
      report(`<${name}> bruger et udtryk i { }. Skriv værdien som tekst i "anførselstegn"`);
      continue;
    }
    attributes.push([attribute.name ?? '', attribute.value]);
  }
  if (/^[A-Z]/.test(name)) {
    if (!mdx.imported.has(name))
      report(
        `komponenten <${name}> er ikke importeret fra ${MDX_COMPONENT_DIR}/. Importér den øverst i filen eller fjern den`,
      );
    for (const [attr] of attributes) {
      if (/^on/i.test(attr)) report(`attributten ${attr} på <${name}> er ikke tilladt. Fjern den`);
      // Astro's directives run code in the browser or change how the component renders.
      if (/^(client|server|set|is|transition):/i.test(attr)) {
        report(
          `${attr} på <${name}> er ikke tilladt i indhold (komponenterne i historier må ikke køre i browseren). Fjern den`,
        );
      }
    }
  } else {
    checkElement(name, attributes, report);
  }
}
