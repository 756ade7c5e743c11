import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { ItinerariesService } from '@app/hosting';
import { AnswerPageFilter } from '../answers/answer-page.filter';
import { sendPage } from '../answers/send-page';
import { renderItineraryPage } from './itinerary.page';

/**
 * A guest's itinerary behind the secret of their answer link: as a page, and as a PDF with one
 * page per day to print and carry. Like the answer page, the link is the credential.
 */
@Public()
@ApiExcludeController()
@UseFilters(AnswerPageFilter)
@Controller('answer/:token/itinerary')
export class ItinerariesController {
  constructor(private readonly itineraries: ItinerariesService) {}

  @Get()
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const itinerary = await this.itineraries.forAnswerLink(token);
    // Relative, so that it works behind a proxy that mounts the app under a path.
    sendPage(response, 200, renderItineraryPage(itinerary, `./itinerary/pdf`));
  }

  @Get('pdf')
  async pdf(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const itinerary = await this.itineraries.forAnswerLink(token);
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'inline; filename="itinerary.pdf"',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Robots-Tag': 'noindex, nofollow',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(await this.itineraries.pdf(itinerary));
  }
}
