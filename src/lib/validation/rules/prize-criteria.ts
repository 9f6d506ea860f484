import type { Problem } from '../problem.ts';
import { site } from '../../../site.config.ts';
import type { CrossFileRule } from './types.ts';

export const prizeCriteria: CrossFileRule = {
  name: 'prize-criteria',
  description: "The prize criteria's weights sum to 100, and there are criteria once there is a prize year.",
  check({ entries }) {
    const problems: Problem[] = [];
    const criteria = entries.get('prize-criteria') ?? [];
    const prizes = entries.get('prizes') ?? [];
    if (criteria.length > 0) {
      const sum = criteria.reduce((acc, c) => acc + (typeof c.data['weight'] === 'number' ? c.data['weight'] : 0), 0);
      if (sum !== 100) {
        problems.push({
          file: criteria[0]!.file,
          field: 'weight',
          message: `vægtene summerer til ${sum}, men skal give 100 tilsammen. Ret vægtene (${criteria.map((c) => `${c.id}: ${String(c.data['weight'])}`).join(', ')})`,
        });
      }
    } else if (prizes.length > 0) {
      problems.push({
        file: 'src/content/prize-criteria.yaml',
        field: '(filen)',
        message: `kriterierne for ${site.prizeName} mangler. Opret filen med en liste af kriterier (id, title, description, weight)`,
      });
    }

    return problems;
  },
};
