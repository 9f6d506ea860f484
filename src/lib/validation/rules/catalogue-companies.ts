import { Ref } from '../markers.ts';
import type { Problem } from '../problem.ts';
import { field, type CrossFileRule } from './types.ts';

export const catalogueCompanies: CrossFileRule = {
  name: 'catalogue-companies',
  description: 'An offering in the catalogue is sold by a social-economy company.',
  check({ entries }) {
    const problems: Problem[] = [];
    const companies = new Map((entries.get('companies') ?? []).map((c) => [c.id, c]));
    // An offering is sold by a social-economy company.
    for (const offering of entries.get('offerings') ?? []) {
      const ref = offering.data['company'];
      const company = ref instanceof Ref ? companies.get(ref.id) : undefined;
      if (company && company.data['kind'] !== 'social-economy') {
        problems.push({
          file: offering.file,
          field: field(offering, ['company']),
          message: `"${ref instanceof Ref ? ref.id : ''}" er ikke en socialøkonomisk virksomhed (kind: ${String(company.data['kind'])}). Kataloget er kun for socialøkonomiske virksomheder`,
        });
      }
    }

    return problems;
  },
};
