/**
 * Page weight budgets per template, from `test/budgets.json` (the one file where they are
 * written down). A route belongs to the first template whose pattern matches it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../helpers.ts';
import type { PageAudit } from './browser-audit.ts';

type Kind = keyof PageAudit['weight'];
export interface Budget {
  template: string;
  pattern: string;
  /** Bytes, by kind; a kind without a number has no limit. */
  max: Partial<Record<Kind | 'total', number>>;
}

export const budgets: Budget[] = JSON.parse(
  readFileSync(path.join(projectRoot, 'test', 'budgets.json'), 'utf8'),
).templates;

export function templateOf(route: string): Budget {
  const budget = budgets.find((b) => new RegExp(b.pattern).test(route));
  if (!budget) throw new Error(`Ingen skabelon i test/budgets.json matcher ${route}`);
  return budget;
}

export function overBudget(audit: PageAudit): string[] {
  const budget = templateOf(audit.route);
  const w = audit.weight;
  const actual: Record<Kind | 'total', number> = { ...w, total: w.html + w.css + w.js + w.images + w.fonts + w.other };
  return (Object.entries(budget.max) as [Kind | 'total', number][])
    .filter(([kind, max]) => actual[kind] > max)
    .map(([kind, max]) => `${audit.route} (${budget.template}): ${kind} er ${actual[kind]} B, budgettet er ${max} B`);
}
