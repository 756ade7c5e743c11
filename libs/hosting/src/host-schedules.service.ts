import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { ClaimedEmail, EmailsService } from '@app/emails';
import { Actor, findEvent, hostingOrganisationIds, peopleByIds } from '@app/planning';
import { languageOf } from '@app/presentation';
import { HostScheduleSent } from './host-schedule-sent.entity';
import { RenderedSchedule, renderSchedule, scheduleDigest, scheduleOf } from './host-schedule';
import { HostingService } from './hosting.service';

/** What the mail job does with a claimed schedule email: send it, or skip it for a reason. */
export type HostScheduleEmail =
  | { id: string; skipReason: string; content?: undefined }
  | {
      id: string;
      skipReason: null;
      content: RenderedSchedule & { recipient: { name: string; email: string; language: string } };
    };

export interface SchedulesSent {
  /** Hosts with assignments in the visit. */
  hosts: number;
  /** Of those, the ones mailed now: their schedule changed since the last one (or they never had one). */
  queued: number;
}

/**
 * Hosts' schedules by email. An organiser sends them; each host whose schedule differs from the
 * one last sent gets an email through the outbox, and clicking again mails nobody twice for the
 * same schedule. What the email says is decided when the mail job claims it, from the
 * assignments then, so that a host never reads a schedule older than the one they were sent for.
 */
@Injectable()
export class HostSchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hosting: HostingService,
    private readonly emails: EmailsService,
    private readonly audit: AuditTrail,
  ) {}

  async send(actor: Actor, visitId: string): Promise<SchedulesSent> {
    const result = await this.dataSource.transaction(async (manager) => {
      const visit = await this.hosting.visit(manager, actor, visitId, true);
      const plan = await this.hosting.planOf(manager, visit);
      const hostIds = [...new Set(plan.hosts.map((host) => host.hostPersonId))];
      const hosts = await peopleByIds(manager, hostIds);
      const sent = new Map(
        (
          await manager.findBy(HostScheduleSent, {
            visitId,
            hostPersonId: In(hostIds.length ? hostIds : [visitId]),
          })
        ).map((row) => [row.hostPersonId, row.digest]),
      );
      const due = [...hosts.values()].flatMap((host) => {
        const digest = scheduleDigest(scheduleOf(plan, host));
        return sent.get(host.id) === digest ? [] : [{ host, digest }];
      });
      await this.emails.queue(
        manager,
        due.map(({ host, digest }) => ({
          kind: 'host_schedule' as const,
          eventId: visitId,
          personId: host.id,
          dedupeKey: `host_schedule:${visitId}:${host.id}:${digest}`,
          eventSequence: visit.sequence,
        })),
      );
      if (due.length > 0) {
        await manager.upsert(
          HostScheduleSent,
          due.map(({ host, digest }) => ({ visitId, hostPersonId: host.id, digest, queuedAt: new Date() })),
          ['visitId', 'hostPersonId'],
        );
      }
      await this.audit.record(manager, {
        actor: actor.who,
        action: 'event.host_schedules_sent',
        recordType: 'event',
        recordId: visitId,
        organisationIds: hostingOrganisationIds(visit),
        details: { hosts: hosts.size, queued: due.length },
      });
      return { hosts: hosts.size, queued: due.length };
    });
    if (result.queued > 0) this.emails.dispatchSoon();
    return result;
  }

  /** One answer per claimed schedule email, from the assignments as they are now. */
  async prepare(claimed: ClaimedEmail[]): Promise<HostScheduleEmail[]> {
    if (claimed.length === 0) return [];
    const manager = this.dataSource.manager;
    const people = await peopleByIds(
      manager,
      claimed.flatMap((email) => (email.personId ? [email.personId] : [])),
    );
    const plans = new Map<string, Awaited<ReturnType<HostingService['planOf']>> | null>();
    for (const visitId of new Set(claimed.flatMap((email) => (email.eventId ? [email.eventId] : [])))) {
      const visit = await findEvent(manager, visitId);
      plans.set(visitId, visit ? await this.hosting.planOf(manager, visit) : null);
    }
    return claimed.map((email): HostScheduleEmail => {
      const plan = email.eventId ? plans.get(email.eventId) : null;
      if (!plan) return { id: email.id, skipReason: 'event_gone' };
      const host = email.personId ? people.get(email.personId) : undefined;
      if (!host) return { id: email.id, skipReason: 'person_erased' };
      const entries = scheduleOf(plan, host);
      if (entries.length === 0) return { id: email.id, skipReason: 'no_assignments' };
      return {
        id: email.id,
        skipReason: null,
        content: {
          ...renderSchedule(plan, host, entries),
          recipient: { name: host.name, email: host.email, language: languageOf(host.locale) },
        },
      };
    });
  }
}
