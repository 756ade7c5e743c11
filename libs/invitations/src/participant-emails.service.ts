import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClaimedEmail } from '@app/emails';
import { FeedLinks } from '@app/feeds';
import { eventsByIds, findOrganisation, PeopleService, Person } from '@app/planning';
import { AnswerLinks } from './answer-links';
import { ProgrammeLink, RenderedParticipantEmail, renderParticipantEmail } from './participant-email';
import { ParticipantSecrets } from './participant-secrets';

/** What the mail job does with a claimed participant email: send it, or skip it for a reason. */
export type ParticipantEmail =
  | { id: string; skipReason: string; content?: undefined }
  | {
      id: string;
      skipReason: null;
      content: RenderedParticipantEmail & { recipient: { name: string; email: string; language: string } };
    };

interface HeldInvitation {
  id: string;
  eventId: string;
  answerTokenSealed: Buffer;
}

/**
 * What a participant's feed-link or programme-links email says, decided when the mail job claims
 * it: the feed link is derived again from the email's id, the programme links are the person's
 * answer links at that moment (one per host, the newest invitation's).
 */
@Injectable()
export class ParticipantEmails {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly answerLinks: AnswerLinks,
    private readonly secrets: ParticipantSecrets,
    private readonly feedLinks: FeedLinks,
  ) {}

  async prepare(claimed: ClaimedEmail[]): Promise<ParticipantEmail[]> {
    if (claimed.length === 0) return [];
    const people = await this.people.byIds(
      claimed.flatMap((email) => (email.personId ? [email.personId] : [])),
    );
    return Promise.all(
      claimed.map(async (email): Promise<ParticipantEmail> => {
        const person = email.personId ? people.get(email.personId) : undefined;
        if (!person) return { id: email.id, skipReason: 'person_erased' };
        const recipient = { name: person.name, email: person.email, language: person.locale };
        if (email.kind === 'feed_link') {
          const feed = this.feedLinks.personal(this.secrets.feedToken(email.id).plaintext);
          return {
            id: email.id,
            skipReason: null,
            content: {
              ...renderParticipantEmail({
                kind: 'feed_link',
                language: person.locale,
                recipientName: person.name,
                feedUrl: feed.url,
                webcalUrl: feed.webcal,
              }),
              recipient,
            },
          };
        }
        const links = await this.programmeLinks(person);
        if (links.length === 0) return { id: email.id, skipReason: 'no_invitations' };
        return {
          id: email.id,
          skipReason: null,
          content: {
            ...renderParticipantEmail({
              kind: 'programme_links',
              language: person.locale,
              recipientName: person.name,
              links,
            }),
            recipient,
          },
        };
      }),
    );
  }

  /** One programme page per host, reached through the person's newest invitation from it. */
  private async programmeLinks(person: Person): Promise<ProgrammeLink[]> {
    const manager = this.dataSource.manager;
    const held: HeldInvitation[] = await manager.query(
      `SELECT id, event_id AS "eventId", answer_token_sealed AS "answerTokenSealed" FROM invitations
        WHERE person_id = $1 AND status <> 'cancelled' AND answer_token_sealed IS NOT NULL
        ORDER BY created_at DESC, id`,
      [person.id],
    );
    const events = new Map(
      (
        await eventsByIds(
          manager,
          held.map((invitation) => invitation.eventId),
        )
      ).map((event) => [event.id, event]),
    );
    const byHost = new Map<string, { sealed: Buffer; titles: string[] }>();
    for (const invitation of held) {
      const event = events.get(invitation.eventId);
      if (!event) continue;
      const entry = byHost.get(event.hostOrganisationId) ?? {
        sealed: invitation.answerTokenSealed,
        titles: [],
      };
      entry.titles.push(event.title);
      byHost.set(event.hostOrganisationId, entry);
    }
    return Promise.all(
      [...byHost].map(async ([hostId, entry]) => ({
        host: (await findOrganisation(manager, hostId))?.name ?? '',
        titles: entry.titles,
        url: this.answerLinks.programmeUrlFromSealed(entry.sealed),
      })),
    );
  }
}
