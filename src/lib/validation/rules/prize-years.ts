import { Ref } from '../markers.ts';
import type { Problem } from '../problem.ts';
import type { CrossFileRule } from './types.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const isDay = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The nomination window: opens ≤ deadline ≤ ceremony, and no year without nominees and without a window. */
function nominationProblems(file: string, data: Record<string, unknown>, nomineeCount: number): Problem[] {
  const problems: Problem[] = [];
  const nomination = data['nomination'] as { opens?: unknown; deadline?: unknown } | undefined;
  if (nomination === undefined && nomineeCount === 0) {
    problems.push({
      file,
      field: 'nominees',
      message:
        'der er ingen nominerede. Skriv de nominerede virksomheder i nominees, eller angiv en indstillingsperiode med nomination: { opens: ÅÅÅÅ-MM-DD, deadline: ÅÅÅÅ-MM-DD }, hvis året endnu ikke har nominerede',
    });
  }
  if (nomination === undefined) return problems;
  const { opens, deadline } = nomination;
  if (isDay(opens) && isDay(deadline) && opens.getTime() > deadline.getTime()) {
    problems.push({
      file,
      field: 'nomination.deadline',
      message: `fristen (${iso(deadline)}) ligger før indstillingerne åbner (opens: ${iso(opens)}). Ret datoerne, så opens er samme dag som eller før deadline`,
    });
  }
  const ceremony = data['ceremony'];
  if (isDay(deadline) && isDay(ceremony) && deadline.getTime() > ceremony.getTime()) {
    problems.push({
      file,
      field: 'nomination.deadline',
      message: `fristen (${iso(deadline)}) ligger efter prisoverrækkelsen (ceremony: ${iso(ceremony)}). Sæt fristen før overrækkelsen`,
    });
  }
  return problems;
}

export const prizeYears: CrossFileRule = {
  name: 'prize-years',
  description:
    'A prize file is named by its year; a company is nominated once, scored on every criterion and no other, and wins only if nominated; a year without nominees has a nomination window, which opens before its deadline and closes before the ceremony.',
  check({ entries }) {
    const problems: Problem[] = [];
    const criteria = entries.get('prize-criteria') ?? [];
    const criterionIds = criteria.map((c) => c.id);
    const prizes = entries.get('prizes') ?? [];
    for (const prize of prizes) {
      if (prize.data['year'] !== undefined && String(prize.data['year']) !== prize.id) {
        problems.push({
          file: prize.file,
          field: 'year',
          message: `year er ${String(prize.data['year'])}, men filen hedder ${prize.id}.md. Gør dem ens`,
        });
      }
      const nominees = Array.isArray(prize.data['nominees'])
        ? (prize.data['nominees'] as Record<string, unknown>[])
        : [];
      problems.push(...nominationProblems(prize.file, prize.data, nominees.length));
      const nominated = new Set<string>();
      nominees.forEach((nominee, i) => {
        const company = nominee['company'];
        if (company instanceof Ref) {
          if (nominated.has(company.id))
            problems.push({
              file: prize.file,
              field: `nominees[${i}].company`,
              message: `"${company.id}" er nomineret to gange. Fjern den ene`,
            });
          nominated.add(company.id);
        }
        const scores = (nominee['scores'] ?? {}) as Record<string, unknown>;
        const missing = criterionIds.filter((id) => !(id in scores));
        const extra = Object.keys(scores).filter((id) => !criterionIds.includes(id));
        if (criteria.length > 0 && missing.length > 0) {
          problems.push({
            file: prize.file,
            field: `nominees[${i}].scores`,
            message: `mangler point for ${missing.join(', ')}. Giv point 0-5 for hvert kriterium i prize-criteria.yaml`,
          });
        }
        for (const id of extra) {
          problems.push({
            file: prize.file,
            field: `nominees[${i}].scores.${id}`,
            message: `"${id}" er ikke et kriterium i prize-criteria.yaml (${criterionIds.join(', ')}). Ret navnet eller fjern det`,
          });
        }
      });
      const winners = Array.isArray(prize.data['winners']) ? prize.data['winners'] : [];
      winners.forEach((winner, i) => {
        if (winner instanceof Ref && !nominated.has(winner.id)) {
          problems.push({
            file: prize.file,
            field: `winners[${i}]`,
            message: `"${winner.id}" er ikke blandt de nominerede. En vinder skal først stå i nominees`,
          });
        }
      });
    }
    return problems;
  },
};
