import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Duration } from 'luxon';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditTrail, changedFields as auditedChanges } from '@app/audit';
import { ChangeVersion, PG_FOREIGN_KEY_VIOLATION, postgresErrorCode, VersionedMemo } from '@app/database';
import { Organisation } from '../organisations/organisation.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { Actor, isAdmin } from '../shared/actor';
import { Page, pageOf, pageSize } from '../shared/pagination';
import { assertActsFor } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { Event } from './event.entity';
import { hostingOrganisationIds, hostsEvent } from './event-access';
import {
  EventFilter,
  eventFromRow,
  EventVersion,
  eventsByIdQuery,
  eventVersionsQuery,
  Statement,
} from './event-list';
import { eventChangeAction, eventCreated, eventFields, eventRecord } from './event-audit';
import { EventChange, EventChangeListeners } from './event-change';
import { EventKind, EventStatus, EventVisibility } from './event-kind';
import { carryToParts, EventPosition, recordMove, shifted } from './event-parts';
import {
  assertCapacity,
  assertChildrenInside,
  assertEditableAfterCancellation,
  assertInsideParent,
  assertSpan,
  changesCalendar,
  DEFAULT_REMINDER_OFFSETS,
  normaliseReminderOffsets,
  normaliseTitle,
} from './event-rules';
import { assertTimeZone, daysBetween, parseDay, parseSpan, timesAfter } from './event-time';
import { lockEvents } from './event-queries';
import { assertLanguage, EventTexts, normaliseTranslation } from './event-translations';
import { Locale, LOCALES } from '../shared/locale';
import { ancestorIdsOf, partIdsOf } from './event-tree';

export interface VenueInput {
  name?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** How to find the place once there ("entrance via the town hall courtyard"). */
  notes?: string;
}

export interface EventInput {
  kind: EventKind;
  title: string;
  description?: string;
  /** The language title, description and venue notes are written in; by default the host's. */
  originalLanguage?: string;
  startsAt: string;
  endsAt: string;
  startZone?: string;
  endZone?: string;
  allDay?: boolean;
  venue?: VenueInput | null;
  onlineUrl?: string | null;
  hostOrganisationId?: string;
  coHostOrganisationIds?: string[];
  partnershipId?: string | null;
  status?: EventStatus;
  visibility?: EventVisibility;
  capacity?: number | null;
  tags?: string[];
  parentId?: string | null;
  reminderOffsetsMinutes?: number[];
}

export type EventChanges = Partial<EventInput>;

export interface CopyRequest {
  /**
   * The day the copy starts on, in the event's start zone ("2032-05-14"); every part moves by the
   * same calendar days and keeps its wall-clock times. Without it the copy keeps the times.
   */
  startDate?: string;
}

export type { EventFilter } from './event-list';

/** How a caller of EventsService.list turns events into what it answers with. */
export interface EventPresenter<T> {
  /** What was made of this event at this version before, if anything. */
  reuse(id: string, version: string): T | undefined;
  present(event: Event, version: string): T;
}

/** An event with the parts inside it, as far down as they go. */
export type EventTree = Event & { children: EventTree[] };

/** List pages whose events this process keeps (their ids and versions); beyond this it starts afresh. */
const REMEMBERED_PAGES = 2_000;

@Injectable()
export class EventsService {
  /**
   * Which events each list page holds: while the change version (which every change to events,
   * co-hosts and partnership members moves) stands still, a page needs no query.
   */
  private readonly pages = new VersionedMemo<EventVersion[]>(REMEMBERED_PAGES);
  /**
   * Each page as presented, under the kept events-and-versions it was made from: while those
   * stand, list() returns the very same page object, so that a caller may keep what it made of
   * it (the API keeps the page's bytes and ETag). Only pages whose items the presenter gave again
   * (`reuse`) are kept: a presenter that never reuses wants its items made anew.
   */
  private readonly presentedPages = new WeakMap<
    EventVersion[],
    Map<EventPresenter<unknown>, Page<unknown>>
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listeners: EventChangeListeners,
    private readonly changes: ChangeVersion,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, input: EventInput): Promise<EventTree> {
    const tree = await this.dataSource.transaction(async (manager) => {
      const parent = input.parentId ? await this.lockParent(manager, actor, input.parentId) : null;
      const hostOrganisationId =
        input.hostOrganisationId ?? parent?.hostOrganisationId ?? actor.organisationId;
      const host = await this.organisation(manager, 'hostOrganisationId', hostOrganisationId);
      const coHostIds = unique(input.coHostOrganisationIds ?? parent?.coHostIds ?? []).filter(
        (id) => id !== host.id,
      );
      assertActsFor(actor, [host.id, ...coHostIds], 'create events it neither hosts nor co-hosts');

      const startZone = input.startZone ?? parent?.startZone ?? host.timeZone;
      const endZone = input.endZone ?? input.startZone ?? parent?.endZone ?? startZone;
      assertTimeZone('startZone', startZone);
      assertTimeZone('endZone', endZone);
      const allDay = input.allDay ?? false;
      const span = parseSpan({ startsAt: input.startsAt, endsAt: input.endsAt, startZone, endZone, allDay });
      assertSpan(span);
      if (parent) assertInsideParent(span, parent);
      assertCapacity(input.capacity);

      const event = manager.create(Event, {
        kind: input.kind,
        title: normaliseTitle(input.title),
        description: input.description ?? '',
        originalLanguage: input.originalLanguage
          ? assertLanguage('originalLanguage', input.originalLanguage)
          : (parent?.originalLanguage ?? languageOf(host.defaultLocale)),
        translations: {},
        ...span,
        startZone,
        endZone,
        allDay,
        ...venueColumns(input.venue),
        onlineUrl: input.onlineUrl ?? null,
        hostOrganisationId: host.id,
        coHosts: await this.organisations(manager, coHostIds),
        partnershipId: await this.partnershipId(
          manager,
          input.partnershipId ?? parent?.partnershipId ?? null,
        ),
        status: input.status ?? 'draft',
        visibility: input.visibility ?? parent?.visibility ?? 'public',
        capacity: input.capacity ?? null,
        tags: normaliseTags(input.tags ?? []),
        reminderOffsets: normaliseReminderOffsets(input.reminderOffsetsMinutes ?? DEFAULT_REMINDER_OFFSETS),
        parentId: parent?.id ?? null,
        sequence: 0,
      });
      const saved = await manager.save(event);
      await this.listeners.created(manager, saved);
      const tree = await this.treeOf(manager, actor, saved.id);
      await this.audit.record(manager, eventCreated(actor, tree));
      return tree;
    });
    this.listeners.createCommitted(tree);
    return tree;
  }

  async get(actor: Actor, id: string): Promise<EventTree> {
    return this.treeOf(this.dataSource.manager, actor, id);
  }

  /** Whether the event exists and the actor hosts or co-hosts it (admins host every event). */
  async isHostedBy(actor: Actor, id: string): Promise<boolean> {
    const event = await this.dataSource.manager.findOneBy(Event, { id });
    return !!event && hostsEvent(actor, event);
  }

  /**
   * One page of events in start order, each as the caller presents it. The presenter may hand
   * back what it made of an event before, by the event's version; only the events it does not
   * have are loaded whole, so that a list costs one narrow query while its events stay unchanged.
   */
  async list<T>(actor: Actor, filter: EventFilter, presenter: EventPresenter<T>): Promise<Page<T>> {
    const limit = pageSize(filter);
    const versions = await this.pageVersions(actor, filter, limit);
    const presentedBefore = this.presentedPages.get(versions)?.get(presenter);
    if (presentedBefore) return presentedBefore as Page<T>;
    const page = pageOf(versions, limit, (entry) => entry.startsAt.toISOString());
    const presented = new Map<string, T>();
    const missing: string[] = [];
    for (const entry of page.items) {
      const known = presenter.reuse(entry.id, entry.version);
      if (known === undefined) missing.push(entry.id);
      else presented.set(entry.id, known);
    }
    if (missing.length > 0) {
      for (const row of await this.query<Record<string, unknown>>(eventsByIdQuery(missing))) {
        const { event, version } = eventFromRow(row);
        presented.set(event.id, presenter.present(event, version));
      }
    }
    // An event deleted between the two queries is left out rather than shown as it was.
    const items = page.items.flatMap((entry) => {
      const item = presented.get(entry.id);
      return item === undefined ? [] : [item];
    });
    const presentedPage = { items, nextCursor: page.nextCursor };
    if (missing.length === 0 && items.length === page.items.length) {
      const byPresenter =
        this.presentedPages.get(versions) ?? new Map<EventPresenter<unknown>, Page<unknown>>();
      byPresenter.set(presenter, presentedPage);
      this.presentedPages.set(versions, byPresenter);
    }
    return presentedPage;
  }

  /** The page's events and their versions (one more than `limit`), as of a change version read now. */
  private async pageVersions(actor: Actor, filter: EventFilter, limit: number): Promise<EventVersion[]> {
    const version = await this.changes.current();
    const key = JSON.stringify([isAdmin(actor) ? null : actor.organisationId, filter, limit]);
    const kept = this.pages.get(key, version);
    if (kept) return kept;
    const versions = await this.query<EventVersion>(eventVersionsQuery(actor, filter, limit + 1));
    this.pages.set(key, version, versions);
    return versions;
  }

  /**
   * A new draft with the event's parts (at any depth, cancelled ones left out), in one
   * transaction. Titles, places, capacities and zones are kept; invitations are not copied.
   */
  async copy(actor: Actor, id: string, request: CopyRequest = {}): Promise<EventTree> {
    const [tree, copies] = await this.dataSource.transaction(async (manager) => {
      const source = await this.treeOf(manager, actor, id);
      assertActsFor(actor, hostingOrganisationIds(source), 'copy events it neither hosts nor co-hosts');
      // A copied part joins the same event, and must lie inside it as any part does.
      const parent = source.parentId ? await this.lockParent(manager, actor, source.parentId) : null;
      const shift = Duration.fromObject({
        days: request.startDate
          ? daysBetween(source.startsAt, parseDay('startDate', request.startDate, source.startZone))
          : 0,
      });
      const copies: Array<{ copy: Event; original: Event }> = [];
      const copyOf = async (original: EventTree, parentId: string | null): Promise<Event> => {
        const copy = manager.create(Event, {
          ...copiedColumns(original),
          startsAt: shifted(original.startsAt, original.startZone, shift),
          endsAt: shifted(original.endsAt, original.endZone, shift),
          coHosts: await this.organisations(manager, original.coHostIds),
          status: 'draft',
          resumeStatus: null,
          parentId,
          sequence: 0,
        });
        if (original === source && parent) assertInsideParent(copy, parent);
        await manager.save(copy);
        copies.push({ copy, original });
        await this.listeners.created(manager, copy);
        for (const part of original.children.filter((child) => child.status !== 'cancelled')) {
          await copyOf(part, copy.id);
        }
        return copy;
      };
      const root = await copyOf(source, source.parentId);
      const tree = await this.treeOf(manager, actor, root.id);
      await this.audit.record(
        manager,
        ...copies.map(({ copy, original }) =>
          eventRecord(actor, 'event.created', copy, {
            changes: auditedChanges({}, eventFields(copy, original.coHostIds)),
            details: { copiedFrom: original.id },
          }),
        ),
      );
      return [tree, copies.map(({ copy }) => copy)] as const;
    });
    for (const copy of copies) this.listeners.createCommitted(copy);
    return tree;
  }

  /**
   * Changes an event. With `readAt`, the time the editor read it (its `updatedAt` then), a change
   * made by someone else in between is refused rather than overwritten.
   */
  async update(actor: Actor, id: string, changes: EventChanges, readAt?: Date): Promise<EventTree> {
    const [tree, change] = await this.dataSource.transaction(async (manager) => {
      const parts = this.carriesToParts(changes) ? await this.lockParts(manager, id) : [];
      const event = await this.lockEvent(manager, id);
      await this.assertVisible(manager, actor, event);
      assertUnchangedSince(event, readAt);
      assertActsFor(actor, hostingOrganisationIds(event), 'change events it neither hosts nor co-hosts');
      const before = snapshot(event);
      const audited = eventFields(event);
      const position: EventPosition = {
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        startZone: event.startZone,
        endZone: event.endZone,
        status: event.status,
      };
      const previous: EventChange['before'] = {
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        status: event.status,
        capacity: event.capacity,
        reminderOffsets: event.reminderOffsets,
        sequence: event.sequence,
      };
      const requested = Object.keys(changes).filter(
        (key) => changes[key as keyof EventChanges] !== undefined,
      );
      assertEditableAfterCancellation(event.status, requested, changes.status);

      await this.applyChanges(manager, actor, event, changes);
      recordMove(event, position);
      assertSpan(event);
      assertCapacity(event.capacity);
      const parent = event.parentId ? await this.lockEvent(manager, event.parentId) : null;
      if (parent) assertInsideParent(event, parent);
      if (parent?.status === 'cancelled' && event.status !== 'cancelled') {
        throw PlanningError.conflict(
          'event_cancelled',
          `The event around this part, "${parent.title}", is cancelled; bring it back first.`,
        );
      }
      const carried = carryToParts(position, event, parts);
      const children = parts.length
        ? parts.filter((part) => part.parentId === event.id)
        : await manager.findBy(Event, { parentId: event.id });
      assertChildrenInside(event, children);
      assertActsFor(
        actor,
        [event.hostOrganisationId, ...event.coHosts.map((organisation) => organisation.id)],
        'give away an event it manages',
      );

      const changed = changedFields(before, snapshot(event));
      if (changesCalendar(changed)) event.sequence += 1;
      await manager.save(event);
      for (const part of carried) await manager.save(part.event);
      const change: EventChange = { event, before: previous, changedFields: changed, parts: carried };
      if (changed.length > 0) await this.listeners.changed(manager, change);
      await this.recordUpdate(manager, actor, change, audited);
      return [await this.treeOf(manager, actor, id), change] as const;
    });
    if (change.changedFields.length > 0) this.listeners.committed(change);
    return tree;
  }

  /**
   * Sets the event's title, description and venue notes in one language other than its original,
   * or with `texts` null removes them. Calendars show each person the texts in their language, so
   * a change raises the sequence; nobody is emailed about a translation.
   */
  async translate(
    actor: Actor,
    id: string,
    language: string,
    texts: Partial<EventTexts> | null,
    readAt?: Date,
  ): Promise<EventTree> {
    const known = assertLanguage('language', language);
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEvent(manager, id);
      await this.assertVisible(manager, actor, event);
      assertUnchangedSince(event, readAt);
      assertActsFor(actor, hostingOrganisationIds(event), 'change events it neither hosts nor co-hosts');
      assertEditableAfterCancellation(event.status, ['translations'], undefined);
      const audited = eventFields(event);
      const translations = { ...event.translations };
      if (texts) translations[known] = normaliseTranslation(event, known, texts);
      else delete translations[known];
      if (JSON.stringify(translations[known]) !== JSON.stringify(event.translations[known])) {
        event.translations = translations;
        event.sequence += 1;
        await manager.save(event);
        await this.audit.record(
          manager,
          eventRecord(actor, 'event.updated', event, {
            changes: auditedChanges(audited, eventFields(event)),
          }),
        );
      }
      return this.treeOf(manager, actor, id);
    });
  }

  /** The event's entry, if anything changed, and one for each part the change carried along. */
  private async recordUpdate(
    manager: EntityManager,
    actor: Actor,
    { event, before, parts }: EventChange,
    audited: Record<string, unknown>,
  ): Promise<void> {
    const coHostIds = event.coHosts.map((organisation) => organisation.id);
    const changes = auditedChanges(audited, eventFields(event, coHostIds));
    if (changes.length === 0) return;
    const entries = [
      eventRecord(actor, eventChangeAction(before.status, event.status, changes), event, {
        changes,
        organisationIds: [String(audited.hostOrganisationId), ...coHostIds],
      }),
    ];
    for (const part of parts) {
      const partChanges = auditedChanges(
        { startsAt: part.before.startsAt, endsAt: part.before.endsAt, status: part.before.status },
        { startsAt: part.event.startsAt, endsAt: part.event.endsAt, status: part.event.status },
      );
      const action = eventChangeAction(part.before.status, part.event.status, partChanges);
      entries.push(
        eventRecord(actor, action, part.event, { changes: partChanges, details: { withEvent: event.id } }),
      );
    }
    await this.audit.record(manager, ...entries);
  }

  /** Only a new status or new times reach the parts; other changes leave them unlocked. */
  private carriesToParts(changes: EventChanges): boolean {
    const fields = ['status', 'startsAt', 'endsAt', 'startZone', 'endZone', 'allDay'] as const;
    return fields.some((field) => changes[field] !== undefined);
  }

  /**
   * The parts of an event at any depth, locked in id order before the event itself: seats
   * lock a workshop before the event around it, and the same order keeps the two from deadlocking.
   */
  private async lockParts(manager: EntityManager, id: string): Promise<Event[]> {
    const parts = await lockEvents(manager, await partIdsOf(manager, id));
    // lockEvents returns them in id order; a stable sort by start keeps that order among equal starts.
    return parts.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  async remove(actor: Actor, id: string, withChildren: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Parts before the event, as update locks them; they are read for the trail's entries.
      const parts = withChildren ? await this.lockParts(manager, id) : [];
      const event = await this.lockEvent(manager, id);
      await this.assertVisible(manager, actor, event);
      assertActsFor(actor, hostingOrganisationIds(event), 'delete events it neither hosts nor co-hosts');
      const childCount = await manager.countBy(Event, { parentId: id });
      if (childCount > 0 && !withChildren) {
        throw PlanningError.conflict(
          'event_has_children',
          `This event contains ${childCount} part(s). Delete them first, or pass withChildren=true to delete them too.`,
        );
      }
      try {
        await manager.delete(Event, { id });
      } catch (error) {
        // Invitations refer to events with ON DELETE RESTRICT: people who were invited must be
        // told, which a cancellation does and a silent delete would not.
        if (postgresErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
          throw PlanningError.conflict(
            'event_has_invitations',
            'People are invited to this event or its parts. Cancel it (status=cancelled) instead of deleting it.',
          );
        }
        throw error;
      }
      await this.audit.record(
        manager,
        ...[event, ...parts].map((deleted) =>
          eventRecord(actor, 'event.deleted', deleted, {
            changes: auditedChanges(eventFields(deleted), {}),
            details: deleted === event ? { partsDeleted: parts.length } : { withEvent: id },
          }),
        ),
      );
    });
  }

  private async applyChanges(
    manager: EntityManager,
    actor: Actor,
    event: Event,
    changes: EventChanges,
  ): Promise<void> {
    if (changes.kind !== undefined) event.kind = changes.kind;
    if (changes.title !== undefined) event.title = normaliseTitle(changes.title);
    if (changes.description !== undefined) event.description = changes.description;
    if (changes.originalLanguage !== undefined)
      event.originalLanguage = assertLanguage('originalLanguage', changes.originalLanguage);
    if (changes.status !== undefined) event.status = changes.status;
    if (changes.visibility !== undefined) event.visibility = changes.visibility;
    if (changes.capacity !== undefined) event.capacity = changes.capacity;
    if (changes.tags !== undefined) event.tags = normaliseTags(changes.tags);
    if (changes.reminderOffsetsMinutes !== undefined)
      event.reminderOffsets = normaliseReminderOffsets(changes.reminderOffsetsMinutes);
    if (changes.onlineUrl !== undefined) event.onlineUrl = changes.onlineUrl;
    if (changes.venue !== undefined) Object.assign(event, venueColumns(changes.venue));
    if (changes.partnershipId !== undefined)
      event.partnershipId = await this.partnershipId(manager, changes.partnershipId);
    if (changes.hostOrganisationId !== undefined) {
      event.hostOrganisationId = (
        await this.organisation(manager, 'hostOrganisationId', changes.hostOrganisationId)
      ).id;
    }
    if (changes.coHostOrganisationIds !== undefined) {
      event.coHosts = await this.organisations(
        manager,
        unique(changes.coHostOrganisationIds).filter(
          (organisationId) => organisationId !== event.hostOrganisationId,
        ),
      );
    }
    if (changes.parentId !== undefined && changes.parentId !== event.parentId) {
      if (changes.parentId) {
        await this.assertNotOwnAncestor(manager, event.id, changes.parentId);
        await this.lockParent(manager, actor, changes.parentId);
      }
      event.parentId = changes.parentId;
    }
    this.applyTimeChanges(event, changes);
  }

  private applyTimeChanges(event: Event, changes: EventChanges): void {
    const times = timesAfter(event, changes);
    if (times) Object.assign(event, times);
  }

  private async assertNotOwnAncestor(
    manager: EntityManager,
    eventId: string,
    parentId: string,
  ): Promise<void> {
    if (parentId === eventId) throw PlanningError.invalid('parentId', 'An event cannot contain itself.');
    if ((await ancestorIdsOf(manager, parentId)).includes(eventId))
      throw PlanningError.invalid('parentId', 'An event cannot be placed inside one of its own parts.');
  }

  private async lockParent(manager: EntityManager, actor: Actor, parentId: string): Promise<Event> {
    const parent = await manager.findOne(Event, {
      where: { id: parentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!parent || !(await this.isVisible(manager, actor, parent))) {
      throw PlanningError.invalid('parentId', `Unknown parent event ${parentId}.`);
    }
    assertActsFor(actor, hostingOrganisationIds(parent), 'add parts to events it neither hosts nor co-hosts');
    if (parent.status === 'cancelled') {
      throw PlanningError.conflict(
        'event_cancelled',
        'The parent event is cancelled; parts cannot be added to it.',
      );
    }
    return parent;
  }

  private async lockEvent(manager: EntityManager, id: string): Promise<Event> {
    // Lock first, then load relations: Postgres refuses FOR UPDATE on the nullable side of a join.
    const locked = await manager.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw PlanningError.notFound('event', id);
    return manager.findOneOrFail(Event, { where: { id }, relations: { coHosts: true } });
  }

  private async treeOf(manager: EntityManager, actor: Actor, id: string): Promise<EventTree> {
    const root = await manager.findOneBy(Event, { id });
    if (!root || !(await this.isVisible(manager, actor, root))) throw PlanningError.notFound('event', id);
    const partIds = await partIdsOf(manager, id);
    const descendants = partIds.length
      ? await manager.find(Event, {
          where: { id: In(partIds) },
          order: { startsAt: 'ASC', id: 'ASC' },
        })
      : [];
    const byParent = new Map<string, Event[]>();
    for (const part of descendants) {
      if (!(await this.isVisible(manager, actor, part))) continue;
      const siblings = byParent.get(part.parentId!) ?? [];
      siblings.push(part);
      byParent.set(part.parentId!, siblings);
    }
    const attach = (event: Event): EventTree =>
      Object.assign(event, { children: (byParent.get(event.id) ?? []).map(attach) });
    return attach(root);
  }

  private query<R>(statement: Statement): Promise<R[]> {
    return this.dataSource.query(statement.sql, statement.parameters);
  }

  /**
   * Drafts are seen only by their hosts; internal events also by members of their partnership.
   * Admin keys see everything. Anything else answers 404, so ids of hidden events do not leak.
   */
  private async isVisible(manager: EntityManager, actor: Actor, event: Event): Promise<boolean> {
    if (hostsEvent(actor, event)) return true;
    if (event.status === 'draft') return false;
    if (event.visibility === 'public') return true;
    if (!event.partnershipId) return false;
    const membership: unknown[] = await manager.query(
      'SELECT 1 FROM partnership_members WHERE partnership_id = $1 AND organisation_id = $2',
      [event.partnershipId, actor.organisationId],
    );
    return membership.length > 0;
  }

  private async assertVisible(manager: EntityManager, actor: Actor, event: Event): Promise<void> {
    if (!(await this.isVisible(manager, actor, event))) throw PlanningError.notFound('event', event.id);
  }

  private async organisation(manager: EntityManager, field: string, id: string): Promise<Organisation> {
    const organisation = await manager.findOneBy(Organisation, { id });
    if (!organisation) throw PlanningError.invalid(field, `Unknown organisation ${id}.`);
    return organisation;
  }

  private async organisations(manager: EntityManager, ids: string[]): Promise<Organisation[]> {
    if (ids.length === 0) return [];
    const found = await manager.findBy(Organisation, { id: In(ids) });
    const missing = ids.filter((id) => !found.some((organisation) => organisation.id === id));
    if (missing.length > 0) {
      throw PlanningError.invalid('coHostOrganisationIds', `Unknown organisation(s): ${missing.join(', ')}.`);
    }
    return found;
  }

  private async partnershipId(manager: EntityManager, id: string | null): Promise<string | null> {
    if (!id) return null;
    const exists = await manager.existsBy(Partnership, { id });
    if (!exists) throw PlanningError.invalid('partnershipId', `Unknown partnership ${id}.`);
    return id;
  }
}

/** What a copy takes over unchanged from its original. */
const COPIED_COLUMNS = [
  'kind',
  'title',
  'description',
  'originalLanguage',
  'translations',
  'startZone',
  'endZone',
  'allDay',
  'venueName',
  'venueAddress',
  'venueNotes',
  'venueLatitude',
  'venueLongitude',
  'onlineUrl',
  'hostOrganisationId',
  'partnershipId',
  'visibility',
  'capacity',
  'tags',
  'reminderOffsets',
] as const satisfies readonly (keyof Event)[];

type CopiedColumn = (typeof COPIED_COLUMNS)[number];

function copiedColumns(original: Event): Pick<Event, CopiedColumn> {
  // fromEntries loses the pairing of each key with its value's type, which the list above keeps.
  return Object.fromEntries(COPIED_COLUMNS.map((column) => [column, original[column]])) as Pick<
    Event,
    CopiedColumn
  >;
}

function venueColumns(venue: VenueInput | null | undefined) {
  return {
    venueName: venue?.name ?? null,
    venueAddress: venue?.address ?? null,
    venueNotes: venue?.notes?.trim() ?? '',
    venueLatitude: venue?.latitude ?? null,
    venueLongitude: venue?.longitude ?? null,
  };
}

function normaliseTags(tags: string[]): string[] {
  return unique(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

type Snapshot = Record<string, unknown>;

function snapshot(event: Event): Snapshot {
  return {
    title: event.title,
    startsAt: event.startsAt.getTime(),
    endsAt: event.endsAt.getTime(),
    startZone: event.startZone,
    endZone: event.endZone,
    allDay: event.allDay,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueNotes: event.venueNotes,
    venueLatitude: event.venueLatitude,
    venueLongitude: event.venueLongitude,
    onlineUrl: event.onlineUrl,
    status: event.status,
    capacity: event.capacity,
    reminderOffsets: event.reminderOffsets.join(','),
  };
}

/**
 * Refuses a change made from an editor that read the event (its `updatedAt`) before someone else
 * changed it, rather than overwriting their change.
 */
function assertUnchangedSince(event: Event, readAt: Date | undefined): void {
  if (readAt && event.updatedAt.getTime() !== readAt.getTime()) {
    throw PlanningError.conflict(
      'event_changed',
      `"${event.title}" was changed by someone else since you opened it; read it again and repeat your change.`,
    );
  }
}

/** The organisation's language as an event's original language; German where it has none of ours. */
function languageOf(locale: string): Locale {
  return LOCALES.find((known) => known === locale.slice(0, 2).toLowerCase()) ?? 'de';
}

function changedFields(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]);
}
