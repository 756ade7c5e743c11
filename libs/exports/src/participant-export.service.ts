import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { InvitationsService, InvitationView } from '@app/invitations';
import { Actor, Event, EventsService, EventTree, MAX_PAGE_SIZE, OrganisationsService } from '@app/planning';
import { Language, messagesFor } from '@app/presentation';
import { ExportedFile, fileNameOf } from './exported-file';
import { ExportsError } from './exports.error';
import { PARTICIPANT_COLUMN_SOURCES, ParticipantColumnSource } from './participant-columns';
import { participantTable, SeatedPart } from './participant-table';
import { participantsCsv } from './participants-csv';
import { participantsXlsx } from './participants-xlsx';

export const PARTICIPANT_FORMATS = ['csv', 'xlsx'] as const;
export type ParticipantFormat = (typeof PARTICIPANT_FORMATS)[number];

export interface ParticipantExportRequest {
  format: ParticipantFormat;
  /** The language of the headers and answers. */
  language: Language;
  /** Sensitive columns too: for the host's admins and organisers only. */
  includeSensitive: boolean;
}

const CONTENT_TYPES: Record<ParticipantFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The participant list of an event as CSV or XLSX: one row per invitation, read through the
 * invitations lib with the actor's rights (hosts, co-hosts and admins; contact data as the actor
 * may see it), seats per round of its parts, and the columns of further sources.
 */
@Injectable()
export class ParticipantExports {
  private readonly logger = new Logger(ParticipantExports.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditTrail,
    @Inject(PARTICIPANT_COLUMN_SOURCES) private readonly sources: ParticipantColumnSource[],
  ) {}

  async export(actor: Actor, eventId: string, request: ParticipantExportRequest): Promise<ExportedFile> {
    // Before reading anything: a viewer asking for sensitive answers is refused, whatever the event.
    if (request.includeSensitive && actor.role === 'viewer') {
      throw ExportsError.forbidden(
        'Sensitive answers are exported for the host’s admins and organisers only.',
      );
    }
    const invitations = await this.allInvitations(actor, eventId);
    const event = await this.events.get(actor, eventId);
    const options = { includeSensitive: request.includeSensitive, language: request.language };
    const extraColumns = [];
    for (const source of this.sources) extraColumns.push(await source.forExport(eventId, actor, options));
    const messages = messagesFor(request.language);
    const table = participantTable({
      zone: event.startZone,
      parts: seatedParts(event),
      invitations,
      organisationNames: await this.organisationNames(invitations),
      extraColumns,
      messages,
    });
    const body =
      request.format === 'csv'
        ? participantsCsv(table, request.language)
        : await participantsXlsx(table, messages.t('exports.sheetName'));
    await this.audit.record(this.dataSource.manager, {
      actor: actor.who,
      action: 'event.participants_exported',
      recordType: 'event',
      recordId: event.id,
      organisationIds: [event.hostOrganisationId, ...event.coHostIds],
      details: {
        format: request.format,
        includeSensitive: request.includeSensitive,
        rows: table.rows.length,
      },
    });
    this.logger.log(`Exported ${table.rows.length} participants of event ${eventId} as ${request.format}`);
    return {
      fileName: fileNameOf('participants', event.title, request.format),
      contentType: CONTENT_TYPES[request.format],
      body,
    };
  }

  /** Every invitation, a page at a time: the invitations lib checks the actor on the first. */
  private async allInvitations(actor: Actor, eventId: string): Promise<InvitationView[]> {
    const all: InvitationView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.invitations.list(actor, eventId, { cursor, limit: MAX_PAGE_SIZE });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  private async organisationNames(invitations: InvitationView[]): Promise<Map<string, string>> {
    const ids = new Set(invitations.flatMap((invitation) => invitation.person.organisationId ?? []));
    const names = new Map<string, string>();
    for (const id of ids) names.set(id, (await this.organisations.get(id)).name);
    return names;
  }
}

/** The parts at any depth that give seats (have a capacity) and still take place. */
function seatedParts(event: EventTree): SeatedPart[] {
  return event.children.flatMap((part) => [
    ...(part.capacity !== null && part.status !== 'cancelled' ? [seated(part)] : []),
    ...seatedParts(part),
  ]);
}

function seated(part: Event): SeatedPart {
  return { id: part.id, title: part.title, startsAt: part.startsAt, endsAt: part.endsAt };
}
