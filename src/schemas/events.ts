import { z } from 'astro/zod';
import { EVENT_KINDS, copenhagenDateTime, redirectFrom, text } from './shared.ts';

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
      /** Old slugs that redirect here. */
      redirectFrom,
    })
    .superRefine((e, ctx) => {
      if (e.end && e.end.getTime() <= e.start.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'end skal ligge efter start. Ret tidspunktet' });
      }
    });
