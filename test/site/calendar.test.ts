/**
 * The events in people's own calendars: `/arrangementer/kalender.ics` to subscribe to, and one
 * file per event for "Tilføj til kalender". Parsed with node-ical, as a calendar app would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentPages, existsInDist, page, readDist, siteRoot } from '../dist.ts';
import { siteContent } from './content.ts';

const HOST = 'socialoekonomi.kalundborg.dk';
const eventsOf = (ics: string) =>
  Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');

/** `2027-03-11T16:00`: the wall-clock time an instant has in Copenhagen. */
function copenhagen(date: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/** An event's `start:`/`end:` as the editor wrote them (Danish local time). */
async function written(slug: string): Promise<{ start: string | undefined; end: string | undefined }> {
  const text = await readFile(path.join(siteRoot, 'src', 'content', 'events', `${slug}.md`), 'utf8');
  return { start: /^start:\s*(\S+)/m.exec(text)?.[1], end: /^end:\s*(\S+)/m.exec(text)?.[1] };
}

/** The events /arrangementer/ lists as upcoming: what the calendar must hold. */
let upcoming: string[] = [];
beforeAll(async () => {
  const $ = await page('/arrangementer/');
  upcoming = $('#upcoming')
    .closest('section')
    .find('.card__title a')
    .map((_, a) => $(a).attr('href')?.split('/')[2] ?? '')
    .get();
});

describe('/arrangementer/kalender.ics', () => {
  it('parses and holds exactly the upcoming events, with stable UIDs <slug>@<host>', async () => {
    // Which events are upcoming depends on the build date; the list page and the feed must agree.
    const events = eventsOf(await readDist('/arrangementer/kalender.ics'));
    expect(events.map((e) => e.uid).sort()).toEqual(upcoming.map((slug) => `${slug}@${HOST}`).sort());
  });

  it('puts every event at the Danish time written in its file, across summer and winter time', async () => {
    // Every event's own file, so the check does not depend on which events are still upcoming.
    const slugs = (await contentPages())
      .filter(({ route }) => /^\/arrangementer\/[a-z0-9-]+\/$/.test(route))
      .map(({ route }) => route.split('/')[2] ?? '');
    const events = [
      ...eventsOf(await readDist('/arrangementer/kalender.ics')),
      ...(await Promise.all(slugs.map(async (slug) => eventsOf(await readDist(`/arrangementer/${slug}.ics`))))).flat(),
    ];
    for (const event of events) {
      const slug = event.uid.split('@')[0] ?? '';
      const source = await written(slug);
      expect(copenhagen(event.start), slug).toBe(source.start);
      if (source.end) expect(event.end && copenhagen(event.end), slug).toBe(source.end);
      const $ = await page(`/arrangementer/${slug}/`);
      expect(event.start.toISOString()).toBe($('.facts time').attr('datetime'));
    }
    // Summer and winter time both: see test/fixture/calendar.test.ts, whose fixture has one of each.
    expect(slugs.length).toBe((await siteContent()).events.length);
  });

  it('tells calendars the events are in Europe/Copenhagen, keeps lines to 75 octets, and links each event to its page', async () => {
    const ics = await readDist('/arrangementer/kalender.ics');
    expect(ics).toMatch(/^X-WR-TIMEZONE:Europe\/Copenhagen\r$/m);
    // RFC 5545 §3.1: lines of at most 75 octets, so strict calendar apps read æ, ø and å whole.
    const long = ics.split('\r\n').filter((line) => Buffer.byteLength(line) > 75);
    expect(long).toEqual([]);
    for (const event of eventsOf(ics)) {
      const url = typeof event.url === 'string' ? event.url : '';
      expect(url.startsWith(`https://${HOST}/arrangementer/`)).toBe(true);
      expect(await existsInDist(url), url).toBe(true);
    }
  });
});

describe('"Tilføj til kalender"', () => {
  it('every event has its own .ics file with that one event', async () => {
    const eventPages = (await contentPages()).filter(({ route }) => /^\/arrangementer\/[a-z0-9-]+\/$/.test(route));
    expect(eventPages.length).toBeGreaterThan(0);
    for (const { route } of eventPages) {
      const slug = route.split('/')[2] ?? '';
      const events = eventsOf(await readDist(`/arrangementer/${slug}.ics`));
      expect(
        events.map((e) => e.uid),
        slug,
      ).toEqual([`${slug}@${HOST}`]);
      expect(copenhagen(events[0]?.start ?? new Date(0))).toBe((await written(slug)).start);
    }
  });

  it('an upcoming event page links to its file; a past one does not offer it', async () => {
    const $list = await page('/arrangementer/');
    const all = $list('main a[href^="/arrangementer/"]')
      .map((_, a) => $list(a).attr('href')?.split('/')[2] ?? '')
      .get();
    for (const slug of all) {
      const $ = await page(`/arrangementer/${slug}/`);
      const link = $('a[href$=".ics"]');
      if (upcoming.includes(slug)) {
        expect(link.attr('href'), slug).toBe(`/arrangementer/${slug}.ics`);
        expect(link.text()).toBe('Tilføj til kalender');
      } else {
        expect(link, slug).toHaveLength(0);
      }
    }
  });
});
