import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { httpConfig } from '@app/config';
import { Organisation } from '@app/planning';
import { html, messagesFor } from '@app/presentation';
import { newsFeedUrls } from '../syndication/news-feed-urls';

/** What the console shows an organisation to paste into its website; see docs/embedding.md. */
export interface EmbeddingSettingsView {
  organisationId: string;
  /** The origins that may embed the calendar. */
  origins: string[];
  snippets: {
    /** The script widget: the list in the host page's language, styled by the host through custom properties. */
    script: string;
    /** The fallback for sites that allow no third-party scripts. */
    iframe: string;
  };
  urls: { widget: string; iframe: string; calendar: string; rss: string; atom: string };
}

@Injectable()
export class EmbeddingSnippets {
  private readonly base: string;

  constructor(@Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>) {
    this.base = http.publicBaseUrl;
  }

  settings(organisation: Organisation, origins: string[]): EmbeddingSettingsView {
    const language = organisation.defaultLocale === 'en' ? 'en' : 'de';
    const code = organisation.code.toLowerCase();
    const widget = `${this.base}/embed.js`;
    const iframe = `${this.base}/embed/organisations/${encodeURIComponent(code)}?lang=${language}`;
    const title = messagesFor(language).t('calendar.embeddedTitle', { organisation: organisation.name });
    const feeds = newsFeedUrls(this.base, { organisationCode: code }, language);
    return {
      organisationId: organisation.id,
      origins,
      snippets: {
        script: html`<script src="${widget}" data-organisation="${organisation.code}" defer></script>`.value,
        iframe: html`<iframe
          src="${iframe}"
          title="${title}"
          width="100%"
          height="600"
          style="border: 0"
          loading="lazy"
        ></iframe>`.value,
      },
      urls: {
        widget,
        iframe,
        calendar: `${this.base}/calendar?organisation=${encodeURIComponent(code)}&lang=${language}`,
        ...feeds,
      },
    };
  }
}
