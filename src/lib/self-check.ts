/**
 * The self-check's arithmetic, pure so that the page script (`src/scripts/self-check.ts`) runs
 * the very code the unit tests check: per criterion the mean of its questions' points (0–5),
 * the weighted total with the prize's formula (`src/lib/scoring.ts`), the stage, and the e-mail
 * that books a conversation. Nothing here leaves the browser.
 */
import { weightedPoints } from './scoring.ts';

/** What the page script needs of the content, embedded in the page as JSON. */
export interface SelfCheckModel {
  /** The prize criteria in the page's order. */
  criteria: { id: string; title: string; weight: number }[];
  /** Each question's id and the criterion it counts towards. */
  questions: { id: string; criterion: string }[];
  /** The stages, lowest threshold first. */
  stages: { id: string; title: string; from: number; description: string; nextSteps: string[] }[];
}

export interface CriterionScore {
  id: string;
  title: string;
  weight: number;
  /** Mean of the criterion's answers, 0–5; an unanswered question counts 0. */
  points: number;
  /** points × weight ÷ 5. */
  weighted: number;
  answered: number;
  questions: number;
}

export interface SelfCheckResult {
  criteria: CriterionScore[];
  /** Weighted total, 0–100. */
  total: number;
  answered: number;
  questions: number;
  stage: SelfCheckModel['stages'][number] | undefined;
}

/** Points of each answered question, by question id. */
export type Answers = ReadonlyMap<string, number>;

/** The stage a total falls in: the last whose threshold it reaches (to within rounding). */
export function stageFor<S extends { from: number }>(stages: readonly S[], total: number): S | undefined {
  let found: S | undefined;
  for (const stage of [...stages].sort((a, b) => a.from - b.from)) if (total + 1e-9 >= stage.from) found = stage;
  return found;
}

export function scoreSelfCheck(model: SelfCheckModel, answers: Answers): SelfCheckResult {
  const criteria = model.criteria.map((criterion) => {
    const questions = model.questions.filter((q) => q.criterion === criterion.id);
    const given = questions.map((q) => answers.get(q.id)).filter((p): p is number => p !== undefined);
    const points = questions.length === 0 ? 0 : given.reduce((sum, p) => sum + p, 0) / questions.length;
    return {
      ...criterion,
      points,
      weighted: weightedPoints(points, criterion.weight),
      answered: given.length,
      questions: questions.length,
    };
  });
  const total = criteria.reduce((sum, c) => sum + c.weighted, 0);
  return {
    criteria,
    total,
    answered: model.questions.filter((q) => answers.has(q.id)).length,
    questions: model.questions.length,
    stage: stageFor(model.stages, total),
  };
}

/** Danish number with at most one decimal, as the prize tables show it: 3,5. */
export const formatPoints = (n: number): string =>
  new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(Math.round(n * 10) / 10);

/** The words of the booking e-mail, from the dictionary (the script gets them from the page). */
export interface MailLabels {
  subject: string;
  intro: string;
  stage: string;
  total: string;
  perCriterion: string;
  answered: string;
  outOf: string;
  closing: string;
}

/** Who the booking e-mail goes to: the employer service, with the social-economy consultant on copy. */
export interface MailRecipients {
  to: string;
  cc?: string | undefined;
}

/** A `mailto:` link with every part URL-encoded (RFC 6068: CRLF line breaks in the body). */
export function mailtoUrl({ to, cc }: MailRecipients, subject: string, lines: readonly string[]): string {
  const params = [
    ...(cc && cc !== to ? [`cc=${encodeURIComponent(cc)}`] : []),
    `subject=${encodeURIComponent(subject)}`,
    `body=${encodeURIComponent(lines.join('\r\n'))}`,
  ];
  return `mailto:${encodeURIComponent(to).replace('%40', '@')}?${params.join('&')}`;
}

/** The e-mail before any answer: who writes, and room for the result (the page without JavaScript). */
export const blankBookingMailto = (recipients: MailRecipients, labels: MailLabels): string =>
  mailtoUrl(recipients, labels.subject, [labels.intro, '', `${labels.stage}:`, `${labels.total}:`, '', labels.closing]);

/** The e-mail with the result: the stage, the total and every criterion's points. */
export function bookingMailto(recipients: MailRecipients, result: SelfCheckResult, labels: MailLabels): string {
  const stage = result.stage?.title ?? '–';
  return mailtoUrl(recipients, `${labels.subject} (${stage})`, [
    labels.intro,
    '',
    `${labels.stage}: ${stage}`,
    `${labels.total}: ${formatPoints(result.total)} ${labels.outOf} 100`,
    `${labels.answered}: ${result.answered} ${labels.outOf} ${result.questions}`,
    '',
    `${labels.perCriterion}:`,
    ...result.criteria.map((c) => `- ${c.title}: ${formatPoints(c.points)} ${labels.outOf} 5`),
    '',
    labels.closing,
  ]);
}

/** Everything the page script reads from the page's `data-self-check` attribute. */
export interface SelfCheckPageData {
  model: SelfCheckModel;
  recipients: MailRecipients;
  mail: MailLabels;
  /** "I har besvaret %n af %t spørgsmål." */
  answered: string;
  labels: { total: string; outOf: string; stage: string; nextSteps: string };
}
