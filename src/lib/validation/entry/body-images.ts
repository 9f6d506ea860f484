import path from 'node:path';
import { checkImageFile } from '../images.ts';
import type { Problem } from '../problem.ts';
import { bodyImages as imagesOf } from '../rendered.ts';
import { unexpected, type EntryRule } from './types.ts';

/**
 * Images in a Markdown body follow the rules of front-matter images. Only a body that passed is
 * rendered again for its images: one that is refused (say, for absurd nesting) is not worth it.
 */
export const bodyImages: EntryRule = {
  name: 'body-images',
  description: 'Every image in a Markdown body (`![alt](./images/x.jpg)`) follows the rules of front-matter images.',
  stage: 'clean-body',
  async check({ body, absolute, contentDir, file, checkImage }) {
    if (!body || body.mdx) return [];
    let sources: string[];
    try {
      sources = imagesOf(body.text);
    } catch {
      return []; // body-safety reports a body that cannot be read
    }
    const judge = checkImage ?? ((image: string, shownAs: string) => checkImageFile(image, shownAs, contentDir));
    const checks = sources.map(async (src) => {
      const messages = await judge(path.resolve(path.dirname(absolute), src), src).catch((error: unknown) => [
        unexpected(src, error).message,
      ]);
      return messages.map((message): Problem => ({ file, field: 'body', message: `billedet ${src}: ${message}` }));
    });
    return (await Promise.all(checks)).flat();
  },
};
