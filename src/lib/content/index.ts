/**
 * The one query module every page imports: published entries, sorted, computed once.
 * Drafts show only in the dev server (the editors' preview); withdrawn stories never show.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

const showDrafts = import.meta.env.DEV;

/** A story that may be listed and rendered in full. */
export function isPublishedStory(story: CollectionEntry<'stories'>): boolean {
  return (showDrafts || !story.data.draft) && story.data.consentWithdrawn === undefined;
}

const byName = (a: { data: { name: string } }, b: { data: { name: string } }) => a.data.name.localeCompare(b.data.name, 'da');

export const companies = (await getCollection('companies')).sort(byName);
export const offerings = (await getCollection('offerings')).sort((a, b) => a.data.title.localeCompare(b.data.title, 'da'));
export const categories = (await getCollection('categories')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
export const stories = (await getCollection('stories', isPublishedStory)).sort(
  (a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id),
);
export const prizes = (await getCollection('prizes')).sort((a, b) => b.data.year - a.data.year);
export const prizeCriteria = await getCollection('prize-criteria');
export const partnerships = (await getCollection('partnerships')).sort((a, b) => a.data.title.localeCompare(b.data.title, 'da'));
export const schemes = (await getCollection('schemes')).sort((a, b) => a.data.order - b.data.order);
export const events = (await getCollection('events')).sort((a, b) => a.data.start.getTime() - b.data.start.getTime());
export const pages = await getCollection('pages');

/** How many published entries each collection has, for the front page overview. */
export const counts = {
  companies: companies.length,
  offerings: offerings.length,
  categories: categories.length,
  stories: stories.length,
  prizes: prizes.length,
  partnerships: partnerships.length,
  schemes: schemes.length,
  events: events.length,
  pages: pages.length,
} as const;
