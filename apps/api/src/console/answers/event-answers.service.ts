import { Injectable } from '@nestjs/common';
import { EmailEntry, EmailsService } from '@app/emails';
import { AnswerSummary, InvitationsService, InvitationView } from '@app/invitations';
import { Actor, Event, EventsService, Page } from '@app/planning';
import {
  InvitationRegistrationAnswers,
  RegistrationAnswersService,
  RegistrationQuestion,
  RegistrationQuestionsService,
} from '@app/registration';

/** Upcoming events a list shows at most. */
const EVENTS_LISTED = 50;

/** Invitees an event's page shows at once; further ones are a link away. */
export const INVITEES_PER_PAGE = 100;

/** What has nothing to reuse: the answers are read fresh each time. */
const AS_LOADED = { reuse: () => undefined, present: (event: Event) => event };

export interface AnsweredEvent {
  event: Event;
  summary: AnswerSummary;
}

export interface EventAnswers extends AnsweredEvent {
  invitees: Page<InvitationView>;
}

export interface InviteeAnswer extends AnsweredEvent {
  invitation: InvitationView;
  emails: EmailEntry[];
  /** The registration questions with this invitee's answers; sensitive ones only for those who may see them. */
  registration: InvitationRegistrationAnswers;
  /** The questions asked with the answer that the reader may see, for answering on the invitee's behalf. */
  asked: RegistrationQuestion[];
}

/**
 * The answers screen: the organisation's events with their answers, an event's seats and
 * invitees, one invitee's answer and emails, read through the services that own each table and
 * with the signed-in person's actor, so that their role and organisation decide what they see.
 */
@Injectable()
export class EventAnswersService {
  constructor(
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly emails: EmailsService,
    private readonly registration: RegistrationAnswersService,
    private readonly questions: RegistrationQuestionsService,
  ) {}

  async list(actor: Actor, now = new Date()): Promise<AnsweredEvent[]> {
    const page = await this.events.list(
      actor,
      { organisationId: actor.organisationId, topLevel: true, from: now, limit: EVENTS_LISTED },
      AS_LOADED,
    );
    const hosted = [];
    for (const event of page.items) {
      if (await this.events.isHostedBy(actor, event.id)) hosted.push(event);
    }
    return Promise.all(hosted.map((event) => this.answered(actor, event.id)));
  }

  async event(actor: Actor, eventId: string, cursor?: string): Promise<EventAnswers> {
    const [answered, invitees] = await Promise.all([
      this.answered(actor, eventId),
      this.invitations.list(actor, eventId, { cursor, limit: INVITEES_PER_PAGE }),
    ]);
    return { ...answered, invitees };
  }

  async invitee(actor: Actor, eventId: string, invitationId: string): Promise<InviteeAnswer> {
    const [answered, invitation, emails] = await Promise.all([
      this.answered(actor, eventId),
      this.invitations.get(actor, eventId, invitationId),
      this.emails.listForInvitation(actor, eventId, invitationId),
    ]);
    const registration = await this.registration.forInvitation(actor, eventId, invitationId);
    const shown = new Set(
      registration.filter(({ question }) => question.shown).map(({ question }) => question.id),
    );
    const asked = (await this.questions.asked(eventId, 'answer')).filter((question) =>
      shown.has(question.id),
    );
    return { ...answered, invitation, emails, registration, asked };
  }

  /** The summary first: it refuses events the actor may not manage, before the event is shown. */
  private async answered(actor: Actor, eventId: string): Promise<AnsweredEvent> {
    const summary = await this.invitations.summary(actor, eventId);
    return { event: await this.events.get(actor, eventId), summary };
  }
}
