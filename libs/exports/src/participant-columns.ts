import { Actor } from '@app/planning';
import { Language } from '@app/presentation';

/** A cell of an export: text, an instant (shown in the event's zone), or nothing. */
export type CellValue = string | Date | null;

/** Columns another lib adds to the participant export, e.g. the answers to registration questions. */
export interface ParticipantColumns {
  /** The headers, in the order of the values. */
  labels: string[];
  /** Per invitation id, one value per label; invitations missing here get empty cells. */
  values: ReadonlyMap<string, readonly CellValue[]>;
}

export interface ParticipantColumnOptions {
  /** Whether columns marked sensitive (passport numbers, health needs) are included. */
  includeSensitive: boolean;
  /** The language of the export, for values the source words itself (yes, no). */
  language: Language;
}

/**
 * A lib that adds columns to the participant export. The export has already checked that the
 * actor may read the event's invitations, and may see sensitive columns when they are asked for.
 */
export interface ParticipantColumnSource {
  forExport(eventId: string, actor: Actor, options: ParticipantColumnOptions): Promise<ParticipantColumns>;
}

/** The sources of further columns, in the order their columns follow the export's own. */
export const PARTICIPANT_COLUMN_SOURCES = Symbol('PARTICIPANT_COLUMN_SOURCES');
