import { Injectable } from '@nestjs/common';
import { EmailsService } from '@app/emails';
import { AnswerSummary, InvitationsService } from '@app/invitations';
import { Actor, Event, EventsService, PartnershipsService } from '@app/planning';

/** Events an overview shows at most per list it reads (own events, each partnership's). */
const EVENTS_PER_LIST = 50;

export interface OverviewEvent {
  event: Event;
  partnershipName: string | null;
  /** Answers and problems of events the organisation hosts or co-hosts; null for partners' events. */
  answers: { accepted: number; declined: number; waiting: number } | null;
  failedEmails: number;
  /** Workshops that are full and have people waiting for a seat. */
  waitlists: Array<{ title: string; waiting: number }>;
}

export interface Overview {
  upcoming: OverviewEvent[];
  drafts: OverviewEvent[];
}

/** What has nothing to reuse: the overview is read fresh each time. */
const AS_LOADED = { reuse: () => undefined, present: (event: Event) => event };

/**
 * The organiser's overview: upcoming and draft events of their organisation and of its
 * partnerships, with answers and problems, read through the services that own each table.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly events: EventsService,
    private readonly partnerships: PartnershipsService,
    private readonly invitations: InvitationsService,
    private readonly emails: EmailsService,
  ) {}

  async overview(actor: Actor, now = new Date()): Promise<Overview> {
    const partnerships = (
      await this.partnerships.list({ organisationId: actor.organisationId, limit: EVENTS_PER_LIST })
    ).items;
    const base = { topLevel: true, from: now, limit: EVENTS_PER_LIST };
    const pages = await Promise.all([
      this.events.list(actor, { ...base, organisationId: actor.organisationId }, AS_LOADED),
      ...partnerships.map((partnership) =>
        this.events.list(actor, { ...base, partnershipId: partnership.id }, AS_LOADED),
      ),
    ]);
    const byId = new Map(pages.flatMap((page) => page.items).map((event) => [event.id, event]));
    const names = new Map(partnerships.map((partnership) => [partnership.id, partnership.name]));
    const entries = await Promise.all(
      [...byId.values()]
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((event) =>
          this.entry(actor, event, event.partnershipId ? (names.get(event.partnershipId) ?? null) : null),
        ),
    );
    return {
      upcoming: entries.filter((entry) => entry.event.status !== 'draft'),
      drafts: entries.filter((entry) => entry.event.status === 'draft'),
    };
  }

  private async entry(actor: Actor, event: Event, partnershipName: string | null): Promise<OverviewEvent> {
    if (!(await this.events.isHostedBy(actor, event.id))) {
      return { event, partnershipName, answers: null, failedEmails: 0, waitlists: [] };
    }
    const [summary, emails] = await Promise.all([
      this.invitations.summary(actor, event.id),
      this.emails.countForEvent(actor, event.id),
    ]);
    return {
      event,
      partnershipName,
      answers: answerCounts(summary),
      failedEmails: emails.failed,
      waitlists: summary.workshops
        .filter((workshop) => workshop.waitlisted > 0)
        .map((workshop) => ({ title: workshop.title, waiting: workshop.waitlisted })),
    };
  }
}

/** Waiting: invited without an answer, or answered "maybe". */
function answerCounts(summary: AnswerSummary): OverviewEvent['answers'] {
  return {
    accepted: summary.counts.accepted,
    declined: summary.counts.declined,
    waiting: summary.counts.invited + summary.counts.tentative,
  };
}
