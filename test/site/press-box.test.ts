/**
 * Issue 11 (items 5 and 8), derived from the content files: the press box on every published
 * story (press phone, the consent line exactly when people are named, the photo in full size
 * without metadata), the scheme pages' companies, stories and employer-service contact, event
 * registration, and the contact a free page asks for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SCHEME_STORY_LIMIT } from '../../src/lib/content/pagination.ts';
import { t } from '../../src/lib/i18n/da.ts';
import { LocalImage } from '../../src/lib/validation/markers.ts';
import { entryUrl, pressPhotoUrl, telUrl } from '../../src/lib/urls.ts';
import { today } from '../../src/schemas/shared.ts';
import { site } from '../../src/site.config.ts';
import { distPath, existsInDist, page, siteRoot } from '../dist.ts';
import { itemsOf, listPages, paginationProblems } from '../list-pages.ts';
import { siteContent, type Entry } from './content.ts';

const sourcePhoto = (story: Entry): string => {
  const image = story.data['image'];
  if (!(image instanceof LocalImage)) throw new Error(`${story.file}: image er ikke et lokalt billede`);
  return path.resolve(siteRoot, path.dirname(story.file), image.src);
};
/** Width and height as shown, after the EXIF orientation. */
async function shownSize(file: string): Promise<[number, number]> {
  const m = await sharp(file).metadata();
  return (m.orientation ?? 1) >= 5 ? [m.height, m.width] : [m.width, m.height];
}
const phoneLinked = ($: ReturnType<typeof page> extends Promise<infer C> ? C : never, scope: string, phone: string) =>
  $(`${scope} a[href="${telUrl(phone)}"]`).length > 0;

describe('the press box on every published story', () => {
  it('gives the press contact with a phone link, the hours and the e-mail', async () => {
    const { published } = await siteContent();
    expect(published.length).toBeGreaterThan(0);
    const press = site.contacts.press;
    for (const story of published) {
      const $ = await page(entryUrl('stories', story.id));
      const box = $('aside.press-box');
      expect(box.length, story.id).toBe(1);
      expect(box.find('h2').text(), story.id).toBe('Til pressen');
      expect(phoneLinked($, 'aside.press-box', press.phone), story.id).toBe(true);
      if (press.hours) expect(box.text(), story.id).toContain(press.hours);
      expect(box.find(`a[href="mailto:${press.email}"]`).length, story.id).toBe(1);
      expect(box.text(), story.id).toContain(String(story.data['imageCredit']));
    }
  });

  it('says the people named consented exactly when the story lists people, and never prints a record number', async () => {
    const { published } = await siteContent();
    for (const story of published) {
      const html = await readFile(distPath(entryUrl('stories', story.id)), 'utf8');
      const $ = await page(entryUrl('stories', story.id));
      expect($('aside.press-box .press-box__consent').length, story.id).toBe(story.people.length > 0 ? 1 : 0);
      const people = (story.data['people'] as { consentRef: string; guardianConsentRef?: string }[] | undefined) ?? [];
      for (const p of people) {
        expect(html.includes(p.consentRef), `${story.id}: ${p.consentRef}`).toBe(false);
        if (p.guardianConsentRef) expect(html.includes(p.guardianConsentRef), story.id).toBe(false);
      }
    }
  });

  it('links a JPEG at the source photo’s full size with no EXIF, GPS, XMP, IPTC or ICC data, and states its size', async () => {
    const { published } = await siteContent();
    for (const story of published) {
      const $ = await page(entryUrl('stories', story.id));
      const link = $('aside.press-box a[download]');
      expect(link.attr('href'), story.id).toBe(pressPhotoUrl(story.id));
      const file = distPath(pressPhotoUrl(story.id));
      const meta = await sharp(file).metadata();
      const [width, height] = await shownSize(sourcePhoto(story));
      expect([meta.format, meta.width, meta.height], story.id).toEqual(['jpeg', width, height]);
      expect([meta.exif, meta.xmp, meta.iptc, meta.icc], story.id).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from('Exif\0')), story.id).toBe(false);
      expect(bytes.includes(Buffer.from('http://ns.adobe.com/xap/')), story.id).toBe(false);
      const facts = $('aside.press-box').text().replace(/\s+/g, ' ');
      expect(facts, story.id).toContain(`${width.toLocaleString('da-DK')} × ${height.toLocaleString('da-DK')} pixel`);
    }
  });

  it('makes no press photo for a draft or a withdrawn story', async () => {
    const { hidden } = await siteContent();
    for (const story of hidden) expect(await existsInDist(pressPhotoUrl(story.id)), story.id).toBe(false);
  });
});

describe('scheme pages', () => {
  it('link exactly the companies whose inclusion matches (60 a page), the newest published stories about them, and give the employer service’s phone', async () => {
    const { schemes, companies, published } = await siteContent();
    const service = site.contacts.employerService;
    for (const scheme of schemes) {
      const practices = new Set((scheme.data['inclusion'] as string[] | undefined) ?? []);
      const users = companies.filter((c) =>
        ((c.data['inclusion'] as string[] | undefined) ?? []).some((p) => practices.has(p)),
      );
      const ids = new Set(users.map((c) => c.id));
      const stories = published
        .filter((s) => s.companies.some((c) => ids.has(c)))
        .sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
      // Each company on exactly one page of the scheme's list; the scheme's text on the first page only.
      const url = entryUrl('schemes', scheme.id);
      const pages = await listPages(url);
      expect(paginationProblems(url, pages, '.scheme-users a'), scheme.id).toEqual([]);
      expect(itemsOf(pages, '.scheme-users a').flat().sort(), scheme.id).toEqual(
        users.map((c) => entryUrl('companies', c.id)).sort(),
      );
      for (const later of pages.slice(1))
        expect(later.$('.prose, dl.facts, .scheme-stories'), later.route).toHaveLength(0);
      const $ = pages[0]!.$;
      const hrefs = (selector: string) =>
        $(selector)
          .map((_, a) => $(a).attr('href'))
          .get();
      expect(hrefs('.scheme-stories a'), scheme.id).toEqual(
        stories.slice(0, SCHEME_STORY_LIMIT).map((s) => entryUrl('stories', s.id)),
      );
      const more = t.guidance.storiesNewest(SCHEME_STORY_LIMIT, stories.length);
      expect($('section[aria-labelledby="scheme-stories"]').text().includes(more), scheme.id).toBe(
        stories.length > SCHEME_STORY_LIMIT,
      );
      expect(phoneLinked($, '.scheme-contact', service.phone), scheme.id).toBe(true);
      expect($('.scheme-contact').text(), scheme.id).toContain(service.name);
      // One heading per question: no heading repeats the facts' labels or another heading.
      const headings = $('article h2')
        .map((_, h) => $(h).text().trim())
        .get();
      expect(new Set(headings).size, `${scheme.id}: ${headings.join(' | ')}`).toBe(headings.length);
      const labels = $('dl.facts dt')
        .map((_, d) => $(d).text().trim())
        .get()
        .filter((l) => l !== 'Lovgrundlag');
      for (const label of labels) expect(headings, `${scheme.id}: ${label}`).not.toContain(label);
      // The legal basis is a readable link, never a bare address.
      const legal = scheme.data['legalBasis'] as string | undefined;
      if (legal) expect($(`dl.facts a[href="${legal}"]`).text().trim(), scheme.id).not.toMatch(/^https?:|\//);
    }
  });
});

describe('events', () => {
  it('show a way to sign up and the deadline while registration is open; none without registration', async () => {
    const { events } = await siteContent();
    const now = Date.now();
    for (const event of events) {
      const $ = await page(entryUrl('events', event.id));
      const registration = event.data['registration'] as { url?: string; email?: string; deadline?: Date } | undefined;
      const start = event.data['start'] as Date;
      const end = (event.data['end'] as Date | undefined) ?? start;
      const upcoming = end.getTime() >= now;
      if (!registration || !upcoming) {
        expect($('[data-registration]').length, event.id).toBe(0);
        // No page asks visitors to sign up without saying how.
        if (upcoming) expect($('.prose').text(), event.id).not.toMatch(/tilmeld/i);
        continue;
      }
      const open = !registration.deadline || registration.deadline.getTime() >= today().getTime();
      const link = $('dl.facts [data-registration] a').first();
      if (!open) {
        expect(link.length, event.id).toBe(0);
        continue;
      }
      const href = link.attr('href') ?? '';
      if (registration.url) expect(href, event.id).toBe(registration.url);
      else {
        const mail = new URL(href);
        expect(mail.protocol + mail.pathname, event.id).toBe(`mailto:${registration.email}`);
        expect(mail.searchParams.get('subject'), event.id).toContain(event.title);
      }
      if (registration.deadline)
        expect($('dl.facts [data-registration] time').attr('datetime'), event.id).toBe(
          registration.deadline.toISOString().slice(0, 10),
        );
    }
  });
});

describe('free pages', () => {
  it('show the contact they name from the site config, with a phone link', async () => {
    const { pages } = await siteContent();
    for (const p of pages) {
      const key = p.data['contact'] as keyof typeof site.contacts | undefined;
      const $ = await page(entryUrl('pages', p.id));
      if (!key) {
        expect($('.page-contact').length, p.id).toBe(0);
        continue;
      }
      const contact = site.contacts[key];
      expect(phoneLinked($, '.page-contact', contact.phone), p.id).toBe(true);
      expect($('.page-contact').text(), p.id).toContain(contact.name);
    }
  });
});
