import { Injectable } from '@nestjs/common';
import { printPdf } from '@app/documents';
import { Actor, EventsService } from '@app/planning';
import { Language } from '@app/presentation';
import { ExportedFile, fileNameOf } from './exported-file';
import { programmeDocument } from './programme-document';

/** The printable programme of an event, for everyone who may see the event. */
@Injectable()
export class ProgrammePrints {
  constructor(private readonly events: EventsService) {}

  async print(actor: Actor, eventId: string, language: Language, now = new Date()): Promise<ExportedFile> {
    const event = await this.events.get(actor, eventId);
    return {
      fileName: fileNameOf(`programme-${language}`, event.title, 'pdf'),
      contentType: 'application/pdf',
      body: await printPdf(programmeDocument(event, language, now)),
    };
  }
}
