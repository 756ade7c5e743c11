import { Controller, Get, HttpStatus, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConfigType } from '@nestjs/config';
import { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '@app/access';
import { httpConfig } from '@app/config';
import { EmbeddingOriginsService } from '@app/planning';
import { PublicProgrammeService } from '@app/public-programme';
import { allowFraming } from '../public-calendar/page-framing';
import { ApiProblem } from '../problems/problems';
import { EmbedParamsDto, EmbedQueryDto } from './embed-params.dto';
import { embeddedCalendar, embeddedCalendarPage, EmbeddedCalendarView } from './embedded-calendar.page';

/** Read once: the widget is a small static script (copied beside the build by nest-cli's assets). */
const WIDGET = readFileSync(join(__dirname, 'widget', 'embed.js'), 'utf8');
const WIDGET_CACHE_SECONDS = 60 * 60;
const LIST_CACHE_SECONDS = 60;
const REDIRECT_CACHE_SECONDS = 24 * 60 * 60;
/** The next events an embedded list shows, as one page of the calendar. */
const EMBEDDED_EVENTS = 20;

/**
 * What other sites embed: the widget script, the list it fetches (CORS only for the origins the
 * organisation allowed) and the iframe fallback (framed only by them). See docs/embedding.md.
 */
@Public()
@ApiExcludeController()
@Controller()
export class EmbedController {
  private readonly base: string;

  constructor(
    private readonly programme: PublicProgrammeService,
    private readonly origins: EmbeddingOriginsService,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.base = http.publicBaseUrl;
  }

  @Get('embed.js')
  widget(@Res() response: Response): void {
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', `public, max-age=${WIDGET_CACHE_SECONDS}`);
    // helmet's same-origin policy would stop other sites' pages from running the script at all.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.send(WIDGET);
  }

  /**
   * An organisation's former code shows its calendar under the current one: a snippet pasted
   * before the code changed keeps working. Answered here rather than redirected, as a redirected
   * CORS request needs the CORS headers on the redirect too.
   */
  @Get('embed/organisations/:code/events')
  async list(
    @Param() params: EmbedParamsDto,
    @Query() { lang }: EmbedQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const code = (await this.programme.currentOrganisationCode(params.code)) ?? params.code;
    const origin = request.headers.origin;
    response.setHeader('Vary', 'Origin');
    if (origin) {
      const allowed = await this.origins.originsOfCode(code);
      if (!allowed.includes(origin)) {
        throw new ApiProblem(
          HttpStatus.FORBIDDEN,
          'forbidden',
          `The site ${origin} may not embed the calendar of ${code.toUpperCase()}; an admin can allow it.`,
        );
      }
      response.setHeader('Access-Control-Allow-Origin', origin);
    }
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', `public, max-age=${LIST_CACHE_SECONDS}`);
    response.send(embeddedCalendar(await this.view(code, lang)).value);
  }

  /** A former code redirects (301) to the current one, as the calendar page does. */
  @Get('embed/organisations/:code')
  async page(
    @Param() { code }: EmbedParamsDto,
    @Query() { lang }: EmbedQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const currentCode = await this.programme.currentOrganisationCode(code);
    if (currentCode) {
      // Cached for a day only, so that browsers stop following it soon after another organisation took the code.
      response.setHeader('Cache-Control', `public, max-age=${REDIRECT_CACHE_SECONDS}`);
      const language = lang ? `?lang=${lang}` : '';
      response.redirect(
        HttpStatus.MOVED_PERMANENTLY,
        `${this.base}/embed/organisations/${encodeURIComponent(currentCode.toLowerCase())}${language}`,
      );
      return;
    }
    const [view, origins] = await Promise.all([this.view(code, lang), this.origins.originsOfCode(code)]);
    allowFraming(response, origins);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', `public, max-age=${LIST_CACHE_SECONDS}`);
    response.send(embeddedCalendarPage(view));
  }

  private async view(code: string, language: EmbedQueryDto['lang']): Promise<EmbeddedCalendarView> {
    const { events } = await this.programme.events({ organisationCode: code }, 1, EMBEDDED_EVENTS);
    return { language: language ?? 'de', organisationCode: code.toLowerCase(), events, base: this.base };
  }
}
