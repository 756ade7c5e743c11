import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { SitemapStream, streamToPromise } from 'sitemap';
import { Public } from '@app/access';
import { httpConfig } from '@app/config';
import { PublicSitemapService } from '@app/public-programme';

const SITEMAP_CACHE_SECONDS = 60 * 60;

/** The public calendar's pages for search engines (sitemaps.org), with when each last changed. */
@Public()
@ApiExcludeController()
@Controller()
export class SitemapController {
  private readonly base: string;

  constructor(
    private readonly sitemap: PublicSitemapService,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.base = http.publicBaseUrl;
  }

  @Get('sitemap.xml')
  async get(@Res() response: Response): Promise<void> {
    const stream = new SitemapStream({
      hostname: this.base,
      xmlns: { news: false, xhtml: false, image: false, video: false },
    });
    const written = streamToPromise(stream);
    for (const page of await this.sitemap.pages()) {
      stream.write({
        url: `${this.base}${page.path}`,
        ...(page.lastModified ? { lastmod: page.lastModified.toISOString() } : {}),
      });
    }
    stream.end();
    response.setHeader('Content-Type', 'application/xml; charset=utf-8');
    response.setHeader('Cache-Control', `public, max-age=${SITEMAP_CACHE_SECONDS}`);
    response.send((await written).toString('utf8'));
  }
}
