import { Itinerary } from '@app/hosting';
import { html, messagesFor, pageDocument } from '@app/presentation';

const STYLE = `
  .day { margin: 1.5rem 0; padding: 1rem; background: #fff; border: 1px solid #d8d8d2; border-radius: 0.5rem; }
  .day h2 { margin-top: 0; font-size: 1.2rem; }
  .items { list-style: none; margin: 0; padding: 0; }
  .items li { margin: 0 0 1rem; }
  .times { font-weight: 700; display: block; }
  .cancelled { text-decoration: line-through; }
  .muted { color: #555; }
  .sleep { margin: 0.5rem 0 0; padding-top: 0.5rem; border-top: 1px solid #e6e6e0; }
  .sleep strong { display: block; }
  a.button { display: inline-block; min-height: 2.75rem; box-sizing: border-box; padding: 0.6rem 1.25rem; border-radius: 0.4rem; background: #1f5fa8; color: #fff; text-decoration: none; }
  @media print { a.button { display: none; } .day { break-after: page; border: none; } }
`;

/** A guest's itinerary as a page behind their answer link, with a link to print it as PDF. */
export function renderItineraryPage(itinerary: Itinerary, pdfPath: string): string {
  const { t, language } = messagesFor(itinerary.language);
  const body = html`<h1>${itinerary.title}</h1>
    <p>${itinerary.guestName}</p>
    <p>${itinerary.intro}</p>
    <p><a class="button" href="${pdfPath}">${t('itinerary.print')}</a></p>
    ${itinerary.days.map(
      (day) =>
        html`<section class="day" aria-labelledby="day-${day.date}">
          <h2 id="day-${day.date}">${day.heading}</h2>
          ${
            day.items.length
              ? html`<ul class="items">
                  ${day.items.map(
                    (item) =>
                      html`<li>
                        <span class="times">${item.times}</span>
                        <span class="${item.cancelled ? 'cancelled' : ''}">${item.title}</span>
                        ${item.cancelled ? html` <strong>(${t('itinerary.cancelled')})</strong>` : null}
                        ${item.place ? html`<br /><span class="muted">${item.place}</span>` : null}
                        ${item.people.map((line) => html`<br /><span>${line}</span>`)}
                      </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${t('itinerary.nothingPlanned')}</p>`
          }
          ${day.sleep ? html`<p class="sleep"><strong>${t('itinerary.sleep')}</strong>${day.sleep}</p>` : null}
        </section>`,
    )}`;
  return pageDocument({
    language,
    title: itinerary.title,
    body,
    style: STYLE,
    noIndex: true,
    skipLinkText: t('common.skipToContent'),
  });
}
