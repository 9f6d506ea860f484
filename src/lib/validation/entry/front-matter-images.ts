import path from 'node:path';
import { checkImageFile } from '../images.ts';
import { LocalImage, findMarkers } from '../markers.ts';
import { formatPath, type Problem } from '../problem.ts';
import { unexpected, type EntryRule } from './types.ts';

export const frontMatterImages: EntryRule = {
  name: 'front-matter-images',
  description: 'Every image in the front matter exists inside src/content, is raster, ≤ 10 MB and has no GPS position.',
  stage: 'clean-data',
  async check({ absolute, contentDir, file, checkImage }, _reported, parsed) {
    const judge = checkImage ?? ((image: string, shownAs: string) => checkImageFile(image, shownAs, contentDir));
    const checks = findMarkers(parsed, LocalImage).map(async ({ value, path: at }) => {
      const messages = await judge(path.resolve(path.dirname(absolute), value.src), value.src).catch(
        (error: unknown) => [unexpected(value.src, error).message],
      );
      return messages.map((message): Problem => ({ file, field: formatPath(at), message }));
    });
    return (await Promise.all(checks)).flat();
  },
};
