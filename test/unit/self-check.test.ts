/**
 * The self-check's arithmetic (src/lib/self-check.ts) and its schemas: the score per criterion,
 * the weighted total with the prize's own formula, the stage, the booking e-mail, and the
 * Danish messages for bad questions and stages.
 */
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { checkerHelpers } from '../../src/lib/validation/markers.ts';
import { schemaIssueFields } from '../../src/lib/validation/problem.ts';
import { MAX_POINTS, weightedPoints, weightedTotal } from '../../src/lib/scoring.ts';
import {
  blankBookingMailto,
  bookingMailto,
  formatPoints,
  scoreSelfCheck,
  stageFor,
  type MailLabels,
  type SelfCheckModel,
} from '../../src/lib/self-check.ts';
import { selfCheckQuestionSchema, selfCheckStageSchema } from '../../src/schemas/index.ts';

const model: SelfCheckModel = {
  criteria: [
    { id: 'ansaettelse', title: 'Ansættelse', weight: 60 },
    { id: 'samarbejde', title: 'Samarbejde & netværk', weight: 40 },
  ],
  questions: [
    { id: 'a1', criterion: 'ansaettelse' },
    { id: 'a2', criterion: 'ansaettelse' },
    { id: 's1', criterion: 'samarbejde' },
  ],
  stages: [
    { id: 'rollemodel', title: 'Rollemodel', from: 75, description: 'd', nextSteps: ['x'] },
    { id: 'nysgerrig', title: 'Nysgerrig', from: 0, description: 'd', nextSteps: ['x'] },
    { id: 'paa-vej', title: 'På vej', from: 40, description: 'd', nextSteps: ['x'] },
  ],
};
const labels: MailLabels = {
  subject: 'Selvtjek: book en snak',
  intro: 'Hej.',
  stage: 'Vores trin',
  total: 'Samlet score',
  perCriterion: 'Point pr. kriterium',
  answered: 'Besvarede spørgsmål',
  outOf: 'af',
  closing: 'Virksomhed:',
};

describe('the prize formula, shared', () => {
  it('gives a criterion its weight at full points and the sum of the parts as total', () => {
    expect(MAX_POINTS).toBe(5);
    expect(weightedPoints(5, 30)).toBe(30);
    expect(weightedPoints(3, 25)).toBe(15);
    expect(
      weightedTotal([
        { points: 5, weight: 60 },
        { points: 2, weight: 40 },
      ]),
    ).toBe(76);
  });
});

describe('scoring the self-check', () => {
  it('averages a criterion over its questions, counting an unanswered one as 0', () => {
    const result = scoreSelfCheck(
      model,
      new Map([
        ['a1', 5],
        ['s1', 3],
      ]),
    );
    expect(result.criteria.map((c) => [c.id, c.points, c.weighted, c.answered, c.questions])).toEqual([
      ['ansaettelse', 2.5, 30, 1, 2],
      ['samarbejde', 3, 24, 1, 1],
    ]);
    expect(result.total).toBe(54);
    expect(result.answered).toBe(2);
    expect(result.questions).toBe(3);
    expect(result.stage?.id).toBe('paa-vej');
  });

  it('gives 100 and the top stage for full points, 0 and the first stage for no answers', () => {
    const full = scoreSelfCheck(model, new Map(model.questions.map((q) => [q.id, 5])));
    expect(full.total).toBe(100);
    expect(full.stage?.id).toBe('rollemodel');
    const none = scoreSelfCheck(model, new Map());
    expect(none.total).toBe(0);
    expect(none.answered).toBe(0);
    expect(none.stage?.id).toBe('nysgerrig');
  });

  it('puts a total exactly on a threshold in that stage, whatever the order of the list', () => {
    expect(stageFor(model.stages, 40)?.id).toBe('paa-vej');
    expect(stageFor(model.stages, 39.9)?.id).toBe('nysgerrig');
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; a total a hair under a threshold still counts.
    expect(stageFor([{ from: 0 }, { from: 75 }], 74.99999999999999)).toEqual({ from: 75 });
    expect(stageFor([], 50)).toBeUndefined();
  });

  it('formats points the Danish way with at most one decimal', () => {
    expect(formatPoints(2.5)).toBe('2,5');
    expect(formatPoints(100)).toBe('100');
    expect(formatPoints(10 / 3)).toBe('3,3');
  });
});

describe('the booking e-mail', () => {
  const result = scoreSelfCheck(
    model,
    new Map([
      ['a1', 5],
      ['a2', 4],
      ['s1', 3],
    ]),
  );

  it('carries the stage, the total and every criterion, URL-encoded, to the employer service with the consultant on copy', () => {
    const href = bookingMailto({ to: 'job@kommune.dk', cc: 'socialoekonomi@kommune.dk' }, result, labels);
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('job@kommune.dk');
    expect(url.searchParams.get('cc')).toBe('socialoekonomi@kommune.dk');
    expect(url.searchParams.get('subject')).toBe('Selvtjek: book en snak (Rollemodel)');
    const body = url.searchParams.get('body')!;
    expect(body.split('\r\n')).toEqual([
      'Hej.',
      '',
      'Vores trin: Rollemodel',
      'Samlet score: 78 af 100',
      'Besvarede spørgsmål: 3 af 3',
      '',
      'Point pr. kriterium:',
      '- Ansættelse: 4,5 af 5',
      '- Samarbejde & netværk: 3 af 5',
      '',
      'Virksomhed:',
    ]);
    // Encoded for a mailto: no raw space, &, æ or line break in the link itself.
    expect(href).not.toMatch(/[ \næøå]|&(?!(?:cc|subject|body)=)/);
    expect(href).toContain('%26%20netv%C3%A6rk');
  });

  it('leaves out a copy to the same address, and has room for the result before any answer', () => {
    const blank = new URL(blankBookingMailto({ to: 'a@b.dk', cc: 'a@b.dk' }, labels));
    expect(blank.searchParams.has('cc')).toBe(false);
    expect(blank.searchParams.get('subject')).toBe(labels.subject);
    expect(blank.searchParams.get('body')).toContain('Vores trin:\r\nSamlet score:');
  });
});

describe('self-check schemas', () => {
  const fields = (schema: z.ZodType, data: unknown) => {
    const result = schema.safeParse(data);
    return result.success ? [] : schemaIssueFields(result.error.issues).map((i) => `${i.field}: ${i.message}`);
  };
  const question = {
    id: 'har-i-fleksjob',
    criterion: 'ansaettelse',
    question: 'Har I fleksjob?',
    answers: [
      { label: 'Nej', points: 0 },
      { label: 'Ja', points: 5 },
    ],
  };
  const stage = { id: 'nysgerrig', title: 'Nysgerrig', from: 0, description: 'd', nextSteps: ['Ring til os'] };

  it('accepts a question and a stage as the sample writes them', () => {
    expect(fields(selfCheckQuestionSchema(checkerHelpers), question)).toEqual([]);
    expect(fields(selfCheckStageSchema(checkerHelpers), { ...stage, schemes: ['fleksjob'], pillars: [4] })).toEqual([]);
  });

  it('refuses points outside the jury scale 0–5 or not whole, and one answer only, saying the fix', () => {
    const bad = {
      ...question,
      answers: [
        { label: 'Nej', points: -1 },
        { label: 'Ja', points: 6 },
        { label: 'Lidt', points: 2.5 },
      ],
    };
    expect(fields(selfCheckQuestionSchema(checkerHelpers), bad)).toEqual([
      'answers[0].points: pointene skal være mindst 0',
      'answers[1].points: pointene kan højst være 5 (juryens skala er 0-5)',
      'answers[2].points: pointene skal være et helt tal fra 0 til 5',
    ]);
    expect(
      fields(selfCheckQuestionSchema(checkerHelpers), { ...question, answers: [{ label: 'Ja', points: 5 }] }),
    ).toEqual(['answers: skriv mindst to svarmuligheder']);
  });

  it('refuses the same answer twice in a question', () => {
    const twice = {
      ...question,
      answers: [
        { label: 'Ja', points: 5 },
        { label: 'Ja', points: 3 },
      ],
    };
    expect(fields(selfCheckQuestionSchema(checkerHelpers), twice)).toEqual([
      'answers[1]: Svaret "Ja" står der to gange. Fjern den ene',
    ]);
  });

  it('refuses a stage threshold above 100 and a stage without next steps', () => {
    expect(fields(selfCheckStageSchema(checkerHelpers), { ...stage, from: 101, nextSteps: [] })).toEqual([
      'from: pointgrænsen kan højst være 100',
      'nextSteps: skriv mindst ét næste skridt',
    ]);
  });
});
