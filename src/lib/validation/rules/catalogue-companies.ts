import { Ref } from '../markers.ts';
import type { Problem } from '../problem.ts';
import { field, type CrossFileRule } from './types.ts';

/** The only kind of company whose offerings the catalogue takes; the browser editor offers only these. */
export const CATALOGUE_COMPANY_KIND = 'social-economy';

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
      if (company && company.data['kind'] !== CATALOGUE_COMPANY_KIND) {
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
