import { ConsoleSession } from '@app/accounts';
import { AnswerSummary } from '@app/invitations';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages } from '../console-layout';

/** Accepted, declined, waiting for an answer (invited or "maybe") and waitlisted, as a list of terms. */
export function answerCounts(session: ConsoleSession, summary: AnswerSummary): SafeHtml {
  const { t } = consoleMessages(session);
  const { counts } = summary;
  const terms: Array<[string, number]> = [
    [t('console.answers.accepted'), counts.accepted],
    [t('console.answers.declined'), counts.declined],
    [t('console.answers.waiting'), counts.invited + counts.tentative],
    [t('console.answers.waitlisted'), counts.waitlisted + waitingForWorkshops(summary)],
  ];
  return html`<dl class="counts" aria-label="${t('console.answers.counts')}">
    ${terms.map(
      ([term, count]) =>
        html`<div>
          <dt>${term}</dt>
          <dd>${count}</dd>
        </div>`,
    )}
  </dl>`;
}

function waitingForWorkshops(summary: AnswerSummary): number {
  return summary.workshops.reduce((sum, workshop) => sum + workshop.waitlisted, 0);
}
