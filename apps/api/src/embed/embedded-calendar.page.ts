import { html, Language, messagesFor, pageDocument, raw, SafeHtml } from '@app/presentation';
import { PublicEvent } from '@app/public-programme';
import { eventItem } from '../public-calendar/public-calendar.page';

export interface EmbeddedCalendarView {
  language: Language;
  /** The organisation's code, lower-case, as in calendar URLs. */
  organisationCode: string;
  events: PublicEvent[];
  /** PUBLIC_BASE_URL: every link leads to Treffpunkt, wherever the list is shown. */
  base: string;
}

/**
 * The organisation's upcoming events as the widget and the iframe show them, written with the
 * list items of the calendar page. Theming through CSS custom properties, which inherit into the
 * widget's shadow root from the host page (docs/embedding.md lists them).
 */
export function embeddedCalendar(view: EmbeddedCalendarView): SafeHtml {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const calendarUrl = `${view.base}/calendar?organisation=${encodeURIComponent(view.organisationCode)}&lang=${view.language}`;
  return html`<style>
      ${raw(EMBEDDED_STYLE)}
    </style>
    <section class="treffpunkt" lang="${view.language}" aria-labelledby="treffpunkt-upcoming">
      <h2 id="treffpunkt-upcoming">${t('calendar.upcoming')}</h2>
      ${
        view.events.length === 0
          ? html`<p>${t('calendar.noEvents')}</p>`
          : html`<ol class="events">
              ${view.events.map((event) => eventItem(messages, view.language, event, view.base))}
            </ol>`
      }
      <p class="all"><a href="${calendarUrl}">${t('calendar.allEvents')}</a></p>
    </section>`;
}

/**
 * The iframe fallback: the same list as a page of its own, without the calendar's header and
 * filters; its page heading is for screen readers only, as the frame's title says it already.
 */
export function embeddedCalendarPage(view: EmbeddedCalendarView): string {
  const { t } = messagesFor(view.language);
  return pageDocument({
    language: view.language,
    title: `${t('calendar.calendarTitle')} – Treffpunkt`,
    body: html`<h1 class="visually-hidden">${t('calendar.calendarTitle')}</h1>
      ${embeddedCalendar(view)}`,
    style: FRAME_STYLE,
  });
}

/**
 * `all: initial` on the shadow host stops the host page's inherited styles (fonts, colours, line
 * height) at the widget's edge; custom properties are not reset by it, so themes still reach in.
 */
const EMBEDDED_STYLE = `
  :host { all: initial; display: block; }
  .treffpunkt { font-family: var(--treffpunkt-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif); font-size: var(--treffpunkt-font-size, 1rem); line-height: 1.5; color: var(--treffpunkt-text, #1a1a1a); background: var(--treffpunkt-background, #fff); padding: var(--treffpunkt-padding, 0.75rem 1rem); border-radius: var(--treffpunkt-radius, 4px); overflow-wrap: anywhere; }
  .treffpunkt h2 { font-size: 1.25em; line-height: 1.3; margin: 0 0 0.5rem; color: var(--treffpunkt-heading, inherit); }
  .treffpunkt a { color: var(--treffpunkt-link, #004c80); }
  .treffpunkt a:focus-visible { outline: 3px solid var(--treffpunkt-focus, #b35c00); outline-offset: 2px; }
  .treffpunkt ol.events { list-style: none; margin: 0; padding: 0; }
  .treffpunkt ol.events li { border-top: 1px solid var(--treffpunkt-border, #ccc); padding: 0.5rem 0; }
  .treffpunkt ol.events h3 { margin: 0.25rem 0; font-size: 1.05em; }
  .treffpunkt ol.events p { margin: 0.25rem 0; }
  .treffpunkt .cancelled { color: var(--treffpunkt-cancelled, #a00000); }
  .treffpunkt .all { margin: 0.5rem 0 0; }
`;

const FRAME_STYLE = `
  :root { background: #fff; }
  .page { max-width: none; min-height: 0; padding: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
