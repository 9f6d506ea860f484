/**
 * Open data: every published company and catalogue offering with its public fields, as JSON
 * and as CSV. One record shape feeds both formats, and the column list here is the contract
 * the press page and README document (descriptions in `t.openData.*Fields`).
 *
 * CSV is written for Danish Excel: UTF-8 with a BOM (so æ, ø and å open correctly), `;` between
 * columns (Danish Excel uses the comma as decimal separator and expects `;`), CRLF line ends,
 * and lists inside one cell separated by `, `. A cell that Excel would read as a formula is
 * prefixed with `'` (see `toCsv` in export-text.ts).
 */
import {
  companies,
  getCategory,
  getCompany,
  getPrizeYearsByCompany,
  offerings,
  type Company,
  type Offering,
} from './content/index.ts';
import { isoDay } from './dates.ts';
import { toCsv, type CsvValue } from './export-text.ts';
import { t } from './i18n/da.ts';
import { PAGES, absoluteUrl, entryUrl } from './urls.ts';
import { site } from '../site.config.ts';

type Value = CsvValue;

export const COMPANY_FIELDS = Object.keys(t.openData.companyFields) as (keyof typeof t.openData.companyFields)[];
export const OFFERING_FIELDS = Object.keys(t.openData.offeringFields) as (keyof typeof t.openData.offeringFields)[];

export type CompanyRecord = Record<(typeof COMPANY_FIELDS)[number], Value>;
export type OfferingRecord = Record<(typeof OFFERING_FIELDS)[number], Value>;

export function companyRecord(company: Company): CompanyRecord {
  const { data } = company;
  const prizeYears = getPrizeYearsByCompany(company.id);
  return {
    id: company.id,
    name: data.name,
    kind: data.kind,
    cvr: data.cvr,
    summary: data.summary,
    street: data.address.street,
    postalCode: data.address.postalCode,
    city: data.address.city,
    website: data.contact.website,
    email: data.contact.email,
    phone: data.contact.phone,
    rsvSince: data.registrations?.rsv && isoDay(data.registrations.rsv),
    socialMark: data.registrations?.socialMark,
    inclusion: data.inclusion ?? [],
    employees: data.employees,
    founded: data.founded,
    prizeNominated: prizeYears.map((p) => p.year),
    prizeWon: prizeYears.filter((p) => p.winner).map((p) => p.year),
    url: absoluteUrl(entryUrl('companies', company.id)),
  };
}

export function offeringRecord(offering: Offering): OfferingRecord {
  const { data } = offering;
  const company = getCompany(data.company.id);
  return {
    id: offering.id,
    title: data.title,
    type: data.type,
    category: data.category.id,
    categoryName: getCategory(data.category.id).data.name,
    summary: data.summary,
    audiences: data.audiences,
    deliveryArea: data.deliveryArea,
    price: data.price,
    circular: data.circular,
    company: company.id,
    companyName: company.data.name,
    companyEmail: company.data.contact.email,
    companyPhone: company.data.contact.phone,
    companyWebsite: company.data.contact.website,
    url: absoluteUrl(entryUrl('offerings', offering.id)),
    companyUrl: absoluteUrl(entryUrl('companies', company.id)),
  };
}

/** A data set as JSON: what it is, its licence and source, then the records. */
function toJson(title: string, sourcePage: string, records: object[]): string {
  return JSON.stringify(
    {
      title,
      publisher: site.municipality,
      license: { name: t.openData.licenceName, url: t.openData.licenceUrl },
      attribution: t.openData.attribution(site.municipality),
      source: absoluteUrl(sourcePage),
      count: records.length,
      // Every record has every field; a value the entry does not give is null, not left out.
      items: records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? null]))),
    },
    null,
    2,
  );
}

const companyRecords = companies.map(companyRecord);
const offeringRecords = offerings.map(offeringRecord);

export const companiesJson = (): string => toJson(t.openData.companiesTitle, PAGES.companies, companyRecords);
export const companiesCsv = (): string => toCsv(COMPANY_FIELDS, companyRecords);
export const offeringsJson = (): string => toJson(t.openData.offeringsTitle, PAGES.catalogue, offeringRecords);
export const offeringsCsv = (): string => toCsv(OFFERING_FIELDS, offeringRecords);

export const DATA_TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;
