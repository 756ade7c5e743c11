import { ConsoleSession } from '@app/accounts';
import { FeedLink, outlookSubscribeUrl } from '@app/feeds';
import { formatInstant, formatSpan, html, machineReadableStart, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { COPY_FIELD_STYLE, copyField, copyScript } from '../copy-field/copy-field';
import { FeedsScreen, PersonFeedToken } from './feeds-screen.service';

export const FEEDS_PATH = '/console/feeds';

const FEEDS_STYLE = `
  ${COPY_FIELD_STYLE}
  .feeds { list-style: none; padding: 0; margin: 0 0 2rem; display: grid; gap: 1rem; }
  .feeds > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.9rem 1rem; min-width: 0; }
  .feeds h3 { margin: 0 0 0.5rem; font-size: 1.1rem; }
  .subscribe { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0; }
  .subscribe a { display: inline-block; padding: 0.4rem 0; }
  .token-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .token-actions a { display: inline-block; padding: 0.5rem 0.25rem; }
  @media (min-width: 60rem) { .feeds { grid-template-columns: 1fr 1fr; } }
`;

/** What happened just before the page is shown. */
export type FeedsNotice =
  | { kind: 'issued'; name: string; link: FeedLink }
  | { kind: 'revoked'; name: string }
  | null;

export function feedsPage(session: ConsoleSession, screen: FeedsScreen, notice: FeedsNotice): string {
  const { t } = consoleMessages(session);
  const body = html`<h1>${t('console.feeds.title')}</h1>
    <p>${t('console.feeds.intro')}</p>
    ${noticeOf(session, notice)}
    <h2>${t('console.feeds.organisationHeading')}</h2>
    <ul class="feeds">
      ${feedItem(session, 'organisation', t('console.feeds.organisation', { organisation: screen.organisationName }), screen.organisation)}
      ${feedItem(session, 'public', t('console.feeds.publicFeed'), screen.public)}
    </ul>
    ${
      screen.partnerships.length > 0
        ? html`<h2>${t('console.feeds.partnershipsHeading')}</h2>
            <ul class="feeds">
              ${screen.partnerships.map((feed, index) => feedItem(session, `partnership-${index}`, feed.name, feed.link))}
            </ul>`
        : null
    }
    <h2>${t('console.feeds.eventsHeading')}</h2>
    ${
      screen.events.length > 0
        ? html`<ul class="feeds">
            ${screen.events.map((feed, index) =>
              feedItem(
                session,
                `event-${index}`,
                feed.name,
                feed.link,
                html`<p class="muted">
                    <time datetime="${machineReadableStart(feed.event)}"
                      >${formatSpan(feed.event, consoleMessages(session).intlLocale, session.account.timeZone)}</time
                    >
                  </p>
                  ${feed.listed ? null : html`<p class="muted">${t('console.feeds.notListed')}</p>`}`,
              ),
            )}
          </ul>`
        : html`<p class="muted">${t('console.feeds.noEvents')}</p>`
    }
    ${personalLinks(session, screen)} ${copyScript()}`;
  return consolePage({ session, screen: 'feeds', title: t('console.feeds.title'), body, style: FEEDS_STYLE });
}

function noticeOf(session: ConsoleSession, notice: FeedsNotice): SafeHtml | null {
  const { t } = consoleMessages(session);
  if (!notice) return null;
  if (notice.kind === 'revoked') {
    return html`<p class="notice" role="status">${t('console.feeds.revoked', { name: notice.name })}</p>`;
  }
  return html`<div class="notice" role="status">
    <p>${t('console.feeds.issued', { name: notice.name })}</p>
    ${copyField({
      id: 'issued-link',
      label: t('console.feeds.personalLink', { name: notice.name }),
      value: notice.link.url,
      texts: copyTexts(session),
    })}
  </div>`;
}

function copyTexts(session: ConsoleSession) {
  const { t } = consoleMessages(session);
  return { copy: t('console.feeds.copy'), copied: t('console.feeds.copied'), failed: t('console.feeds.copyFailed') };
}

function feedItem(session: ConsoleSession, id: string, name: string, link: FeedLink, details?: SafeHtml): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<li>
    <h3>${name}</h3>
    ${details ?? null}
    ${copyField({
      id: `feed-${id}`,
      label: html`${t('console.feeds.address')}<span class="visually-hidden">: ${name}</span>`,
      value: link.url,
      texts: copyTexts(session),
    })}
    <ul class="subscribe" aria-label="${t('console.feeds.subscribe', { name })}">
      <li><a href="${link.webcal}">${t('console.feeds.webcal')}</a></li>
      <li><a href="${link.googleCalendar}" rel="noopener">${t('console.feeds.google')}</a></li>
      <li><a href="${outlookSubscribeUrl(link)}" rel="noopener">${t('console.feeds.outlook')}</a></li>
    </ul>
  </li>`;
}

function personalLinks(session: ConsoleSession, screen: FeedsScreen): SafeHtml {
  const { t } = consoleMessages(session);
  const manages = session.actor.role !== 'viewer';
  return html`<h2>${t('console.feeds.personalHeading')}</h2>
    <p>${t('console.feeds.personalIntro')}</p>
    ${manages ? null : html`<p class="muted">${t('console.feeds.viewerNote')}</p>`}
    ${
      screen.people.length === 0
        ? html`<p class="muted">${t('console.feeds.noPeople')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.feeds.person')}</th>
                <th scope="col">${t('console.feeds.link')}</th>
                ${manages ? html`<th scope="col">${t('console.feeds.actions')}</th>` : null}
              </tr>
            </thead>
            <tbody>
              ${screen.people.map((entry) => personRow(session, entry, manages))}
            </tbody>
          </table>`
    }
    ${
      screen.nextPeopleCursor
        ? html`<p><a href="${FEEDS_PATH}?people=${encodeURIComponent(screen.nextPeopleCursor)}">${t('console.feeds.morePeople')}</a></p>`
        : null
    }`;
}

function personRow(session: ConsoleSession, entry: PersonFeedToken, manages: boolean): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { person, token } = entry;
  const state =
    token.active && token.createdAt
      ? t('console.feeds.activeSince', {
          date: formatInstant(token.createdAt, messages.intlLocale, session.account.timeZone),
        })
      : t('console.feeds.noLink');
  const path = `${FEEDS_PATH}/people/${person.id}`;
  const forName = html`<span class="visually-hidden">: ${person.name}</span>`;
  return html`<tr>
    <td>${person.name}</td>
    <td>${state}</td>
    ${
      manages
        ? html`<td>
            <div class="token-actions">
              ${
                token.active
                  ? html`<a href="${path}/rotate">${t('console.feeds.rotate')}${forName}</a>
                      <a href="${path}/revoke">${t('console.feeds.revoke')}${forName}</a>`
                  : html`<form method="post" action="${path}/issue">
                      ${csrfField(session)}
                      <button type="submit" class="secondary">${t('console.feeds.issue')}${forName}</button>
                    </form>`
              }
            </div>
          </td>`
        : null
    }
  </tr>`;
}

