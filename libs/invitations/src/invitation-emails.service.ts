import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ParticipationStatus } from '@app/calendar';
import { ANSWERABLE_KINDS, EmailKind, EventEmailClaim } from '@app/emails';
import { EmailContent, ProgrammeEntry } from '@app/mail';
import {
  EventSnapshot,
  EventSurroundings,
  EventTreeReader,
  inLanguage,
  PeopleService,
  Person,
} from '@app/planning';
import { untranslatedNote } from '@app/presentation';
import { AnswerLinks } from './answer-links';
import { skipReason } from './invitation-email-rules';
import { ChoiceStatus, InvitationStatus } from './invitation-status';

/** What the mail job does with a claimed email: send this content, or skip it for a reason. */
export type InvitationEmail =
  | { id: string; skipReason: string; content?: undefined }
  | { id: string; skipReason: null; content: EmailContent };

/** Kinds whose email lists the parts in the person's programme along with the event. */
const LISTS_PARTS: readonly EmailKind[] = ['cancellation', 'update'];

interface InvitationState {
  id: string;
  status: InvitationStatus;
  eventId: string;
  /** Sealed by AnswerLinks; null when revoked. */
  answerTokenSealed: Buffer | null;
  choices: Array<{ eventId: string; status: ChoiceStatus }>;
}

/** What the emails of one claim are about, read with a few queries for the whole claim. */
interface Context {
  invitations: Map<string, InvitationState>;
  people: Map<string, Person>;
  tree: EventSurroundings;
}

/** The made-up invitation a preview decides with: no row has this id. */
const PREVIEW_INVITATION_ID = 'preview';

const PARTICIPATION: Partial<Record<InvitationStatus, ParticipationStatus>> = {
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
};

/**
 * What an invitation email says and whether it still applies, decided at send time from the
 * state of the database then. The outbox (libs/emails) only claims and records rows; the mail job
 * asks this service about the rows it claimed.
 */
@Injectable()
export class InvitationEmails {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly eventTree: EventTreeReader,
    private readonly people: PeopleService,
    private readonly answerLinks: AnswerLinks,
  ) {}

  /**
   * One answer per claimed email. Reads invitations, people and events for the whole claim at
   * once (three queries side by side, rarely a fourth), never per email.
   */
  async prepare(claimed: EventEmailClaim[], now = new Date()): Promise<InvitationEmail[]> {
    if (claimed.length === 0) return [];
    const listing = claimed.filter((email) => LISTS_PARTS.includes(email.kind) && email.invitationId);
    const [invitations, people, tree] = await Promise.all([
      this.invitations(claimed.flatMap((email) => (email.invitationId ? [email.invitationId] : []))),
      this.people.byIds(claimed.flatMap((email) => (email.personId ? [email.personId] : []))),
      this.eventTree.surroundings(
        claimed.map((email) => email.eventId),
        listing.map((email) => email.eventId),
      ),
    ]);
    // An invited event that is not around its workshop (data from before parts were checked).
    const missing = [...invitations.values()].map((i) => i.eventId).filter((id) => !tree.events.has(id));
    if (missing.length > 0) {
      for (const [id, event] of (await this.eventTree.surroundings(missing)).events)
        tree.events.set(id, event);
    }
    return claimed.map((email) => this.decide(email, { invitations, people, tree }, now));
  }

  /**
   * The invitation email each of these people would get if invited to the event now, decided and
   * filled exactly as for a claimed email: for the organiser's preview. Nothing is stored, and the
   * answer link is a new one that no invitation holds, so it opens nothing.
   */
  async preview(eventId: string, people: Person[], now = new Date()): Promise<InvitationEmail[]> {
    if (people.length === 0) return [];
    const invitation: InvitationState = {
      id: PREVIEW_INVITATION_ID,
      status: 'invited',
      eventId,
      answerTokenSealed: this.answerLinks.issue().sealed,
      choices: [],
    };
    const context: Context = {
      invitations: new Map([[invitation.id, invitation]]),
      people: new Map(people.map((person) => [person.id, person])),
      tree: await this.eventTree.surroundings([eventId]),
    };
    return people.map((person) =>
      this.decide(
        {
          id: person.id,
          kind: 'invitation',
          eventId,
          personId: person.id,
          invitationId: invitation.id,
          signInRequestId: null,
          signUpId: null,
          sendAt: now,
          eventStartsAt: null,
          offsetMinutes: null,
          previousAttempts: 0,
          superseded: false,
          interrupted: false,
        },
        context,
        now,
      ),
    );
  }

  private decide(email: EventEmailClaim, context: Context, now: Date): InvitationEmail {
    const event = context.tree.events.get(email.eventId);
    if (!event) return { id: email.id, skipReason: 'event_gone' };
    const person = email.personId ? context.people.get(email.personId) : undefined;
    if (!person) return { id: email.id, skipReason: 'person_erased' };
    const invitation =
      email.invitationId === null ? undefined : (context.invitations.get(email.invitationId) ?? null);
    const choice = invitation?.choices.find((held) => held.eventId === event.id)?.status ?? null;
    const reason = skipReason({
      kind: email.kind,
      attempts: email.previousAttempts,
      sendAt: email.sendAt,
      eventStartsAt: email.eventStartsAt,
      event,
      invitation,
      workshopChoiceStatus: choice,
      superseded: email.superseded,
      now,
    });
    if (reason) return { id: email.id, skipReason: reason };
    const aboutWorkshop = !!invitation && invitation.eventId !== event.id;
    const parentId = aboutWorkshop ? invitation.eventId : event.parentId;
    const listsParts = LISTS_PARTS.includes(email.kind) && invitation?.eventId === event.id;
    const parentEvent = parentId ? (context.tree.events.get(parentId) ?? null) : null;
    const shown = inLanguage(event, person.locale);
    return {
      id: email.id,
      skipReason: null,
      content: {
        kind: email.kind,
        recipient: recipientOf(person),
        event: { ...shown, languageNote: untranslatedNote(person.locale, shown.fellBackTo) },
        parentEvent: parentEvent && inLanguage(parentEvent, person.locale),
        answerUrl:
          invitation?.answerTokenSealed && ANSWERABLE_KINDS.includes(email.kind)
            ? this.answerLinks.urlFromSealed(invitation.answerTokenSealed)
            : null,
        programmeUrl:
          invitation?.answerTokenSealed && invitation.status !== 'cancelled'
            ? this.answerLinks.programmeUrlFromSealed(invitation.answerTokenSealed)
            : null,
        participation: aboutWorkshop
          ? choice === 'confirmed'
            ? 'ACCEPTED'
            : 'NEEDS-ACTION'
          : ((invitation && PARTICIPATION[invitation.status]) ?? 'NEEDS-ACTION'),
        parts: listsParts ? programme(context.tree.parts.get(event.id) ?? [], invitation, person.locale) : [],
      },
    };
  }

  /** The invitations with the workshop seats they hold or wait for, in one query. */
  private async invitations(ids: string[]): Promise<Map<string, InvitationState>> {
    if (ids.length === 0) return new Map();
    const rows: InvitationState[] = await this.dataSource.query(
      `SELECT i.id, i.status, i.event_id AS "eventId", i.answer_token_sealed AS "answerTokenSealed",
              COALESCE(json_agg(json_build_object('eventId', c.event_id, 'status', c.status))
                         FILTER (WHERE c.id IS NOT NULL), '[]'::json) AS choices
         FROM invitations i
         LEFT JOIN workshop_choices c ON c.invitation_id = i.id
        WHERE i.id = ANY($1::uuid[])
        GROUP BY i.id`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function recipientOf({ name, email, locale, timeZone }: Person): EmailContent['recipient'] {
  return { name, email, locale, timeZone };
}

/**
 * The parts of the invited event in the person's programme: parts without capacity belong to
 * everyone's, workshops only to those who hold or wait for a seat in them.
 */
function programme(parts: EventSnapshot[], invitation: InvitationState, locale: string): ProgrammeEntry[] {
  return parts.flatMap((part) => {
    const seat = invitation.choices.find((held) => held.eventId === part.id && held.status !== 'withdrawn');
    if (part.capacity !== null && !seat) return [];
    return [{ event: inLanguage(part, locale), waitlisted: seat?.status === 'waitlisted' }];
  });
}
