/**
 * Structured data (schema.org JSON-LD) for search engines and other machines: what a page is
 * about, typed with schema-dts. Pages pass the result to BaseLayout, which writes it with
 * `JsonLd.astro`; BaseLayout adds the BreadcrumbList itself.
 */
import type {
  BreadcrumbList,
  Event as EventLd,
  GovernmentOrganization,
  LocalBusiness,
  LocalBusinessLeaf,
  NewsArticle,
  Product,
  Service,
  Thing,
  WebSite,
  WithContext,
} from 'schema-dts';
import {
  getCategory,
  getCompany,
  getPrizeYearsByCompany,
  type Company,
  type Event,
  type Offering,
  type Story,
} from './content/index.ts';
import { isoCopenhagen, isoDay } from './dates.ts';
import { t } from './i18n/da.ts';
import { absoluteImage } from './images.ts';
import { PAGES, absoluteUrl, entryUrl, ogImageUrl } from './urls.ts';
import { site } from '../site.config.ts';

export type JsonLd = WithContext<Thing>;

const context = 'https://schema.org' as const;

/** The municipality: author and publisher of stories, organiser of events. */
function municipality(): GovernmentOrganization {
  return {
    '@type': 'GovernmentOrganization',
    '@id': `${absoluteUrl(PAGES.home)}#kommune`,
    name: site.municipality,
    url: absoluteUrl(PAGES.home),
    logo: absoluteUrl(site.logo.src),
    email: site.contact.email,
    telephone: site.contact.phone,
    address: {
      '@type': 'PostalAddress',
      streetAddress: site.address.street,
      postalCode: site.address.postalCode,
      addressLocality: site.address.city,
      addressCountry: 'DK',
    },
  };
}

/** A reference to a company's node on its own page, so graphs across pages join up. */
const companyId = (id: string) => `${absoluteUrl(entryUrl('companies', id))}#organisation`;

/** The front page: the site itself, published by the municipality. */
export function websiteLd(): WithContext<WebSite> {
  return {
    '@context': context,
    '@type': 'WebSite',
    name: site.title,
    description: site.description,
    url: absoluteUrl(PAGES.home),
    inLanguage: 'da',
    publisher: municipality(),
  };
}

/** The trail above a page's heading; the last crumb is the page itself. */
export function breadcrumbLd(
  crumbs: readonly { label: string; href?: string | undefined }[],
  pagePath: string,
): WithContext<BreadcrumbList> {
  const items = [{ label: t.nav.home, href: PAGES.home }, ...crumbs];
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: absoluteUrl(crumb.href ?? pagePath),
    })),
  };
}

/** A story as a news article, written and published by the municipality. */
export async function storyLd(story: Story): Promise<WithContext<NewsArticle>> {
  const { data } = story;
  const url = absoluteUrl(entryUrl('stories', story.id));
  const photo = await absoluteImage(data.image);
  return {
    '@context': context,
    '@type': 'NewsArticle',
    '@id': `${url}#artikel`,
    headline: data.title,
    description: data.lede,
    url,
    mainEntityOfPage: url,
    inLanguage: 'da',
    datePublished: isoDay(data.published),
    dateModified: isoDay(data.updated ?? data.published),
    image: [photo.url, absoluteUrl(ogImageUrl('stories', story.id))],
    author: municipality(),
    publisher: municipality(),
    about: data.companies.map((c) => ({
      '@type': 'Organization',
      '@id': companyId(c.id),
      name: getCompany(c.id).data.name,
      url: absoluteUrl(entryUrl('companies', c.id)),
    })),
  };
}

/**
 * A company: a local business, or a government organisation for public workplaces. The CVR
 * number is both the `identifier` (as itself) and the `vatID` (with the DK prefix that makes
 * it a European VAT number).
 */
export function companyLd(company: Company): WithContext<LocalBusiness | GovernmentOrganization> {
  const { data } = company;
  const page = absoluteUrl(entryUrl('companies', company.id));
  const wins = getPrizeYearsByCompany(company.id).filter((p) => p.winner);
  // The properties a local business and a government organisation share.
  const node: Omit<LocalBusinessLeaf, '@type'> = {
    '@id': companyId(company.id),
    name: data.name,
    description: data.summary,
    url: data.contact.website ?? page,
    mainEntityOfPage: page,
    image: absoluteUrl(ogImageUrl('companies', company.id)),
    address: {
      '@type': 'PostalAddress',
      streetAddress: data.address.street,
      postalCode: data.address.postalCode,
      addressLocality: data.address.city,
      addressCountry: 'DK',
    },
    ...(data.contact.email && { email: data.contact.email }),
    ...(data.contact.phone && { telephone: data.contact.phone }),
    ...(data.cvr && {
      vatID: `DK${data.cvr}`,
      identifier: { '@type': 'PropertyValue', propertyID: 'CVR', value: data.cvr },
    }),
    ...(data.founded && { foundingDate: String(data.founded) }),
    ...(data.employees !== undefined && { numberOfEmployees: { '@type': 'QuantitativeValue', value: data.employees } }),
    ...(wins.length > 0 && { award: wins.map((w) => t.prize.winnerOf(w.year)) }),
  };
  return data.kind === 'public'
    ? { '@context': context, '@type': 'GovernmentOrganization', ...node }
    : { '@context': context, '@type': 'LocalBusiness', ...node };
}

/** An offering: a Product or a Service, offered by its company in its delivery area. */
export async function offeringLd(offering: Offering): Promise<WithContext<Product | Service>> {
  const { data } = offering;
  const company = getCompany(data.company.id);
  const url = absoluteUrl(entryUrl('offerings', offering.id));
  const seller = {
    '@type': 'LocalBusiness',
    '@id': companyId(company.id),
    name: company.data.name,
    url: absoluteUrl(entryUrl('companies', company.id)),
  } as const;
  const images = [
    ...(data.image ? [(await absoluteImage(data.image)).url] : []),
    absoluteUrl(ogImageUrl('offerings', offering.id)),
  ];
  const common = {
    name: data.title,
    description: data.summary,
    url,
    image: images,
    category: getCategory(data.category.id).data.name,
    audience: data.audiences.map((a) => ({ '@type': 'Audience', audienceType: t.audiences[a] }) as const),
  };
  const offer = {
    '@type': 'Offer',
    seller,
    areaServed: data.deliveryArea,
    ...(data.price && { description: `${t.catalogue.price}: ${data.price}` }),
  } as const;
  return data.type === 'product'
    ? {
        '@context': context,
        '@type': 'Product',
        ...common,
        brand: { '@type': 'Brand', name: company.data.name },
        offers: offer,
      }
    : {
        '@context': context,
        '@type': 'Service',
        ...common,
        provider: seller,
        areaServed: data.deliveryArea,
        offers: offer,
      };
}

/** An event with Copenhagen times and their UTC offset, so a calendar never shifts an hour. */
export function eventLd(event: Event): WithContext<EventLd> {
  const { data } = event;
  return {
    '@context': context,
    '@type': 'Event',
    name: data.title,
    description: data.summary,
    url: absoluteUrl(entryUrl('events', event.id)),
    startDate: isoCopenhagen(data.start),
    ...(data.end && { endDate: isoCopenhagen(data.end) }),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place', name: data.location, address: data.location },
    organizer: municipality(),
    inLanguage: 'da',
    ...(data.registration?.url && {
      offers: {
        '@type': 'Offer',
        url: data.registration.url,
        ...(data.registration.deadline && { validThrough: isoDay(data.registration.deadline) }),
      },
    }),
  };
}
