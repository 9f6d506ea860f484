/**
 * Open data: every published company and catalogue offering with its public fields, as JSON
 * and as CSV. One record shape feeds both formats, and the column lists here, with what each
 * column holds, are the contract the press page and README document. A column with a code
 * (`kind`, `inclusion`, `type`, `audiences`) is described with the Danish label of each code,
 * and a `…Name(s)` column beside it gives the labels, so the data reads in Danish too.
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

/** Each code of an enum with its Danish label, for a column's description: "Fleksjob (flexjob), …". */
const codes = (labels: Readonly<Record<string, string>>, last = 'eller'): string => {
  const all = Object.entries(labels).map(([code, label]) => `${label} (${code})`);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} ${last} ${all.at(-1)}` : (all[0] ?? '');
};

/** The columns of `/data/virksomheder.*` in order, and what each holds (shown on the press page). */
export const COMPANY_COLUMNS = {
  id: 'Virksomhedens faste id (det sidste led i adressen på webstedet)',
  name: 'Navn',
  kind: `Type som kode: ${codes(t.companyKind)}`,
  kindName: 'Typen med ord, fx Socialøkonomisk virksomhed',
  cvr: 'CVR-nummer (8 cifre); tomt for offentlige arbejdspladser',
  summary: 'Kort beskrivelse',
  street: 'Adresse',
  postalCode: 'Postnummer',
  city: 'By',
  website: 'Hjemmeside',
  email: 'E-mail',
  phone: 'Telefon',
  rsvSince: 'Registreret Socialøkonomisk Virksomhed (RSV) siden, ÅÅÅÅ-MM-DD',
  socialMark: `År, hvor virksomheden fik kommunens mærke (${site.mark.name})`,
  inclusion: `Sådan arbejder virksomheden med rummelighed, som koder: ${codes(t.inclusion, 'og')}`,
  inclusionNames: 'Det samme med ord, fx Fleksjob, Virksomhedspraktik',
  employees: 'Antal medarbejdere',
  founded: 'Grundlagt (år)',
  prizeNominated: `År, hvor virksomheden var nomineret til ${site.prizeName}`,
  prizeWon: `År, hvor virksomheden vandt ${site.prizeName}`,
  url: 'Virksomhedens side på webstedet',
} as const;

/** The columns of `/data/katalog.*` in order, and what each holds (shown on the press page). */
export const OFFERING_COLUMNS = {
  id: 'Varens eller ydelsens faste id (det sidste led i adressen på webstedet)',
  title: 'Navn på varen eller ydelsen',
  type: `Type som kode: ${codes(t.catalogue.types)}`,
  typeName: 'Typen med ord: Vare eller Ydelse',
  category: 'Kategoriens id',
  categoryName: 'Kategoriens navn',
  summary: 'Kort beskrivelse',
  audiences: `Passer til, som koder: ${codes(t.audiences, 'og')}`,
  audienceNames: 'Det samme med ord, fx Virksomheder, Privatpersoner',
  deliveryArea: 'Leveringsområde med leverandørens egne ord',
  deliversToMunicipality: `true, hvis der leveres i hele ${site.municipality}; false, hvis kun i byerne i deliversToTowns; tomt, hvis leverandøren ikke har angivet det`,
  deliversToTowns: 'Byerne i kommunen, der leveres til, når det ikke er hele kommunen',
  price: 'Pris (fri tekst)',
  circular: 'true, hvis varen eller ydelsen er cirkulær (genbrug, reparation, upcycling)',
  company: 'Leverandørens id (som id i virksomhedsdata)',
  companyName: 'Leverandørens navn',
  companyEmail: 'Leverandørens e-mail',
  companyPhone: 'Leverandørens telefon',
  companyWebsite: 'Leverandørens hjemmeside',
  url: 'Varens eller ydelsens side på webstedet',
  companyUrl: 'Leverandørens side på webstedet',
} as const;

export const COMPANY_FIELDS = Object.keys(COMPANY_COLUMNS) as (keyof typeof COMPANY_COLUMNS)[];
export const OFFERING_FIELDS = Object.keys(OFFERING_COLUMNS) as (keyof typeof OFFERING_COLUMNS)[];

export type CompanyRecord = Record<(typeof COMPANY_FIELDS)[number], Value>;
export type OfferingRecord = Record<(typeof OFFERING_FIELDS)[number], Value>;

export function companyRecord(company: Company): CompanyRecord {
  const { data } = company;
  const prizeYears = getPrizeYearsByCompany(company.id);
  return {
    id: company.id,
    name: data.name,
    kind: data.kind,
    kindName: t.companyKind[data.kind],
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
    inclusionNames: (data.inclusion ?? []).map((p) => t.inclusion[p]),
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
    typeName: t.catalogue.types[data.type],
    category: data.category.id,
    categoryName: getCategory(data.category.id).data.name,
    summary: data.summary,
    audiences: data.audiences,
    audienceNames: data.audiences.map((a) => t.audiences[a]),
    deliveryArea: data.deliveryArea,
    deliversToMunicipality: data.deliversTo ? data.deliversTo.municipality === true : undefined,
    deliversToTowns: data.deliversTo?.towns ?? [],
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
