/**
 * Gate: the W3C Nu HTML Checker (`vnu.jar` from the `vnu-jar` package) finds no error on any
 * page. It is the validator browsers' makers use and catches what html-validate does not (a
 * `<script>` after `</html>`, for one). It needs Java; `.ci/run` installs Debian's
 * `default-jre-headless` where it is missing. The package's own Java downloader is an install
 * script we do not approve: nothing is fetched.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../helpers.ts';

const run = promisify(execFile);
const VNU = path.join(projectRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

interface NuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/** One line per error: `page line:column: message`. All pages in one JVM, which starts in seconds. */
export async function nuErrors(dist: string, routes: string[]): Promise<string[]> {
  const files = routes.map((route) => path.join(dist, route.endsWith('/') ? `${route}index.html` : route));
  let output: string;
  try {
    output = (
      await run('java', ['-jar', VNU, '--format', 'json', '--errors-only', ...files], { maxBuffer: 64 * 1024 * 1024 })
    ).stderr;
  } catch (error) {
    const e = error as { code?: string | number; stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('Java mangler til W3C Nu-tjekket: sudo apt-get install -y default-jre-headless', {
        cause: error,
      });
    }
    // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
    output = e.stderr ?? '';
  }
  const report = JSON.parse(output) as { messages: NuMessage[] };
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => {
      const route = `/${path.relative(dist, new URL(m.url).pathname).split(path.sep).join('/')}`.replace(
        /index\.html$/,
        '',
      );
      return `${route} ${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.message}`;
    });
}
