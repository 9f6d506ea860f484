import type { Problem } from '../problem.ts';
import { field, type CrossFileRule } from './types.ts';

const QUESTIONS = 'src/content/self-check-questions.yaml';
const STAGES = 'src/content/self-check-stages.yaml';

/** The id a reference points to, as the checker keeps it (a marker with `id`) or as plain text. */
const refId = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'id' in value
      ? String((value as { id: unknown }).id)
      : undefined;

export const selfCheck: CrossFileRule = {
  name: 'self-check',
  description:
    'The self-check is whole: questions and stages come together, every prize criterion has a question, and the stages start at 0 and rise.',
  check({ entries }) {
    const problems: Problem[] = [];
    const questions = entries.get('self-check-questions') ?? [];
    const stages = entries.get('self-check-stages') ?? [];
    const criteria = entries.get('prize-criteria') ?? [];
    if (questions.length === 0 && stages.length === 0) return problems; // no self-check: the page says so

    if (stages.length === 0) {
      problems.push({
        file: STAGES,
        field: '(filen)',
        message:
          'selvtjekket har spørgsmål, men ingen trin, så resultatet kan ikke vises. Opret filen med en liste af trin (id, title, from, description, nextSteps); det første trin har from: 0',
      });
    }
    if (questions.length === 0) {
      problems.push({
        file: QUESTIONS,
        field: '(filen)',
        message:
          'selvtjekket har trin, men ingen spørgsmål. Opret filen med en liste af spørgsmål (id, criterion, question, answers), mindst ét til hvert kriterium i prize-criteria.yaml',
      });
    }

    // Every criterion is asked about: one without a question would always score 0, so no company
    // could reach 100 and the stages would be out of reach.
    if (questions.length > 0) {
      const asked = new Set(questions.map((q) => refId(q.data['criterion'])));
      for (const criterion of criteria) {
        if (!asked.has(criterion.id)) {
          problems.push({
            file: QUESTIONS,
            field: '(filen)',
            message: `kriteriet "${criterion.id}" (${String(criterion.data['title'])}) har intet spørgsmål, så det altid ville give 0 point, og ingen kunne nå 100. Tilføj et spørgsmål med criterion: ${criterion.id}`,
          });
        }
      }
    }

    // Stages: the first starts at 0, each next one higher, so every total 0–100 has exactly one stage.
    stages.forEach((stage, i) => {
      const from = stage.data['from'];
      if (typeof from !== 'number') return;
      if (i === 0 && from !== 0) {
        problems.push({
          file: stage.file,
          field: field(stage, ['from']),
          message: `det første trin skal starte ved 0 point, men starter ved ${from}, så en virksomhed med færre point ville stå uden trin. Skriv from: 0`,
        });
      }
      const previous = stages[i - 1]?.data['from'];
      if (i > 0 && typeof previous === 'number' && from <= previous) {
        problems.push({
          file: stage.file,
          field: field(stage, ['from']),
          message: `trinet "${stage.id}" starter ved ${from} point, men trinet før ("${stages[i - 1]!.id}") starter ved ${previous}. Skriv trinene i stigende rækkefølge med hver sin grænse, fx from: ${previous + 1} eller mere`,
        });
      }
    });

    return problems;
  },
};
