import { z } from 'astro/zod';
import { EVENT_KINDS, copenhagenDateTime, day, email, httpsUrl, redirectFrom, text } from './shared.ts';

/** How to sign up: a form (https) or an e-mail address, or both, and the last day to do it. */
const registration = z
  .strictObject({
    /** The sign-up form, https. */
    url: httpsUrl.optional(),
    /** Where to write to sign up; the site opens a mail with the event's title as subject. */
    email: email.optional(),
    /** The last day to sign up, not after the day the event starts. */
    deadline: day.optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.url && !r.email)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'skriv hvordan man tilmelder sig: url (en https-adresse) eller email (eller begge)',
      });
  });

/** The Copenhagen calendar day of an instant, as a UTC-midnight Date like `day` gives. */
const copenhagenDay = (instant: Date): Date => {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' })
    .format(instant)
    .split('-')
    .map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** `src/content/events/<slug>.md`: a meeting, ceremony or network event. */
export const eventSchema = () =>
  z
    .strictObject({
      /** Name of the event. */
      title: text(120),
      /** Start, Danish local time, written 2027-03-11T16:00. */
      start: copenhagenDateTime,
      /** End, after the start. */
      end: copenhagenDateTime.optional(),
      /** Where it takes place. */
      location: text(200),
      /** What kind of event. */
      kind: z.enum(EVENT_KINDS, { error: `brug en af: ${EVENT_KINDS.join(', ')}` }),
      /** One or two sentences. */
      summary: text(300),
      /** How to sign up, if the event asks for it. */
      registration: registration.optional(),
      /** Old slugs that redirect here. */
      redirectFrom,
    })
    .superRefine((e, ctx) => {
      const deadline = e.registration?.deadline;
      if (deadline && deadline.getTime() > copenhagenDay(e.start).getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['registration', 'deadline'],
          message: 'tilmeldingsfristen ligger efter arrangementets start. Skriv en dato senest den dag, det begynder',
        });
      }
      if (e.end && e.end.getTime() <= e.start.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'end skal ligge efter start. Ret tidspunktet' });
      }
    });
