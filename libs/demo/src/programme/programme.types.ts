import { ChoiceStatus, InvitationStatus } from '@app/invitations';
import {
  EventKind,
  EventStatus,
  EventTranslations,
  EventVisibility,
  Locale,
  VenueInput,
} from '@app/planning';

/** Organisations are known by their code (ARN, MORO …), which is also their seed key. */
export interface OrganisationRecord {
  code: string;
  name: string;
  country: string;
  timeZone: string;
  defaultLocale: Locale;
}

export interface PartnershipRecord {
  /** Stable seed key; the name may change without creating a second partnership. */
  key: string;
  name: string;
  description: string;
  /** Organisation codes. */
  members: string[];
  /** Code of the member that manages the membership. */
  lead: string;
}

/** People are known by their email address, which is unique anyway. */
export interface PersonRecord {
  name: string;
  email: string;
  /** Organisation code. */
  organisation: string;
  department: string | null;
  locale: Locale;
  /** Defaults to the organisation's zone. */
  timeZone?: string;
}

/**
 * An event of the demo programme as an organiser would enter it through the API: local wall
 * times (or dates, for all-day events) in the zone of each end. Parts inherit host, co-hosts,
 * partnership, zones and visibility from the event they belong to, as they do in the API.
 */
export interface EventRecord {
  /** Stable seed key, unique among its siblings; a part's full key is "parent/part". */
  key: string;
  kind: EventKind;
  title: string;
  description: string;
  /** The language title and description are written in; by default its parent's, else German. */
  originalLanguage?: Locale;
  translations?: EventTranslations;
  startsAt: string;
  endsAt: string;
  startZone?: string;
  endZone?: string;
  allDay?: boolean;
  venue?: VenueInput;
  onlineUrl?: string;
  /** Organisation code; required on top-level events. */
  host?: string;
  coHosts?: string[];
  /** Partnership key. */
  partnership?: string;
  /** Defaults to published. */
  status?: EventStatus;
  visibility?: EventVisibility;
  capacity?: number;
  tags?: string[];
  parts?: EventRecord[];
}

/**
 * The invitations to one event as they stand at a fixed moment: who was invited, who answered
 * how, and the workshop seats they hold. The seed writes them as rows, without the emails that
 * inviting through the API sends.
 */
export interface InvitationRoundRecord {
  /** Full key of the event the people are invited to. */
  event: string;
  /** When the answers came in (an ISO 8601 instant); people still `invited` have not answered. */
  answeredAt: string;
  invitees: InviteeRecord[];
}

export interface InviteeRecord {
  /** Email address of a person of the programme. */
  email: string;
  status: InvitationStatus;
  /** Seats in workshops of the event (parts with a capacity), by the part's key below the event. */
  seats?: Record<string, ChoiceStatus>;
}

/** Who hosts the guests of a visit, and the rooming list (libs/hosting); people by email, parts by key. */
export interface HostingRecord {
  visit: string;
  hosts: Array<{
    guest: string;
    host: string;
    role: 'host_family' | 'guide' | 'interpreter' | 'driver';
    /** The night (its evening's date), for host families; otherwise `part`. */
    night?: string;
    part?: string;
    phone?: string;
    address?: string;
    notes?: string;
  }>;
  rooms: Array<{ accommodation: string; nights: string[]; room: string; guest: string }>;
}

export interface DemoProgramme {
  /** The organisation of the people who run the installation; it gets the demo admin key. */
  operator: OrganisationRecord;
  organisations: OrganisationRecord[];
  partnerships: PartnershipRecord[];
  people: PersonRecord[];
  events: EventRecord[];
  invitations: InvitationRoundRecord[];
  hosting: HostingRecord[];
  /** Email addresses of the people whose personal feed URL each load replaces and prints. */
  personalFeeds: string[];
  /** Keys of top-level events that take open sign-ups from the public calendar, until they start. */
  openSignUps: string[];
}
