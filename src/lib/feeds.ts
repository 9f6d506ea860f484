/**
 * The story feeds — RSS 2.0, Atom 1.0 and JSON Feed 1.1 — built once with the `feed` library
 * from the published stories (never drafts or withdrawn stories), with each story's full text
 * as HTML and its photo.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { Feed } from 'feed';
import { getCompany, stories, type Story } from './content/index.ts';
import { t } from './i18n/da.ts';
import { absoluteImage } from './images.ts';
import { FILES, PAGES, absoluteUrl, entryUrl } from './urls.ts';
import { site } from '../site.config.ts';

/**
 * Root-relative links and images in rendered HTML made absolute: a feed reader shows the HTML
 * away from our site, where `/katalog/` would point nowhere. Only attributes our own renderer
 * writes (`href`, `src`, `srcset`) are rewritten.
 */
export function absolutiseHtml(html: string): string {
  const origin = new URL(site.url).origin;
  return html
    .replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${origin}/`)}"`);
}

/** A story's body as an HTML string, rendered by Astro itself (Markdown and MDX alike). */
async function storyHtml(container: AstroContainer, story: Story): Promise<string> {
  const { Content } = await render(story);
  return absolutiseHtml(await container.renderToString(Content));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function buildFeed(): Promise<Feed> {
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const newest = stories.reduce<Date | undefined>((latest, s) => {
    const d = s.data.updated ?? s.data.published;
    return !latest || d > latest ? d : latest;
  }, undefined);
  const author = { name: site.municipality, email: site.contact.email, link: absoluteUrl(PAGES.home) };
  const feed = new Feed({
    id: absoluteUrl(PAGES.stories),
    title: t.feeds.title(site.title),
    description: t.feeds.description,
    link: absoluteUrl(PAGES.stories),
    language: 'da',
    // No channel `image`: RSS allows only GIF, JPEG or PNG there, and the logo is SVG. Atom's icon may be SVG.
    favicon: absoluteUrl(site.logo.src),
    copyright: t.feeds.copyright(site.municipality),
    // The newest story's date, not the build time, so an unchanged site gives an unchanged feed.
    updated: newest ?? new Date(0),
    generator: false,
    feedLinks: { rss: absoluteUrl(FILES.rss), atom: absoluteUrl(FILES.atom), json: absoluteUrl(FILES.jsonFeed) },
    author,
  });
  for (const story of stories) {
    const { data } = story;
    const url = absoluteUrl(entryUrl('stories', story.id));
    const photo = await absoluteImage(data.image);
    // The photo leads the content too, with its alt text and credit, as on the page.
    const figure = `<figure><img src="${photo.url}" alt="${escapeHtml(data.imageAlt)}" width="${photo.width}" height="${photo.height}"><figcaption>${escapeHtml(data.imageCredit)}</figcaption></figure>`;
    feed.addItem({
      id: url,
      link: url,
      title: data.title,
      description: data.lede,
      content: `<p><strong>${escapeHtml(data.lede)}</strong></p>${figure}${await storyHtml(container, story)}`,
      date: data.updated ?? data.published,
      published: data.published,
      image: { url: photo.url, type: photo.type, length: 0 },
      author: [author],
      category: data.companies.map((c) => ({ name: getCompany(c.id).data.name })),
    });
  }
  return feed;
}

let built: Promise<Feed> | undefined;
/** The feed, built on first use and shared by the three endpoints. */
export const storyFeed = (): Promise<Feed> => (built ??= buildFeed());

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The `feed` library writes version 1; 1.1
 * adds `language` and replaces `author` with `authors`, which is all that changes here.
 */
export function toJsonFeed11(json1: string): string {
  const feed = JSON.parse(json1) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const authors = (value: unknown) => (value ? { authors: [value] } : {});
  const { author, ...rest } = feed;
  return JSON.stringify(
    {
      ...rest,
      version: 'https://jsonfeed.org/version/1.1',
      language: 'da',
      ...authors(author),
      items: feed.items.map(({ author: itemAuthor, ...item }) => ({ ...item, language: 'da', ...authors(itemAuthor) })),
    },
    null,
    2,
  );
}

export const FEED_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
