/**
 * Scores the self-check live (/for-virksomheder/selvtjek/): reads the answers of the form, runs
 * the same pure code the unit tests check (src/lib/self-check.ts), and shows the total, the
 * stage and its next steps in a polite live region, the points per criterion, and the booking
 * e-mail with the result. Nothing is sent or stored: no request, no storage, no cookie.
 */
import { bookingMailto, formatPoints, scoreSelfCheck, type SelfCheckPageData } from '../lib/self-check.ts';

const form = document.querySelector<HTMLFormElement>('form[data-self-check]');
const result = document.querySelector<HTMLElement>('[data-self-check-result]');
if (form && result) enhance(form, result);

/** Sets a text only when it changes, so the live region announces what changed and nothing else. */
function setText(element: Element | null, value: string): void {
  if (element && element.textContent !== value) element.textContent = value;
}

function enhance(form: HTMLFormElement, result: HTMLElement): void {
  const data = JSON.parse(form.dataset['selfCheck'] ?? '{}') as SelfCheckPageData;
  const mail = document.querySelector<HTMLAnchorElement>('[data-self-check-mail]');
  const stageLink = result.querySelector<HTMLAnchorElement>('[data-stage-link]');
  const nextSteps = result.querySelector<HTMLUListElement>('[data-next-steps]');
  const stages = [...document.querySelectorAll<HTMLElement>('[data-stage]')];
  let shownStage: string | undefined;

  function update(): void {
    const answers = new Map<string, number>();
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked'))
      answers.set(input.name, Number(input.value));
    const scored = scoreSelfCheck(data.model, answers);

    setText(
      result.querySelector('[data-answered]'),
      data.answered.replace('%n', String(scored.answered)).replace('%t', String(scored.questions)),
    );
    setText(result.querySelector('[data-total]'), `${formatPoints(scored.total)} ${data.labels.outOf} 100`);
    for (const criterion of scored.criteria) {
      const row = result.querySelector(`[data-criterion="${CSS.escape(criterion.id)}"]`);
      setText(row?.querySelector('[data-points]') ?? null, formatPoints(criterion.points));
      setText(row?.querySelector('[data-weighted]') ?? null, formatPoints(criterion.weighted));
    }

    const stage = scored.stage;
    if (stage && stage.id !== shownStage) {
      shownStage = stage.id;
      if (stageLink) {
        stageLink.href = `#trin-${stage.id}`;
        setText(stageLink, stage.title);
      }
      setText(result.querySelector('[data-stage-description]'), stage.description);
      nextSteps?.replaceChildren(
        ...stage.nextSteps.map((line) => {
          const item = document.createElement('li');
          item.textContent = line;
          return item;
        }),
      );
      for (const article of stages) {
        const current = article.dataset['stage'] === stage.id;
        article.classList.toggle('is-current', current);
        const badge = article.querySelector<HTMLElement>('[data-stage-badge]');
        if (badge) badge.hidden = !current;
      }
    }
    if (mail) mail.href = bookingMailto(data.recipients, scored, data.mail);
  }

  form.addEventListener('change', update);
  // The reset event fires before the fields are cleared.
  form.addEventListener('reset', () => setTimeout(update));
  // Nothing is sent: "Gå til resultatet" moves focus to the result, where a screen reader reads it.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    result.querySelector<HTMLElement>('h2')?.focus();
  });
  result.hidden = false;
  const submit = form.querySelector<HTMLButtonElement>('[data-self-check-submit]');
  if (submit) submit.hidden = false;
  update();
}
