/**
 * Who made a change. One shape for every kind, so that a new kind (issue 10: a signed-in person)
 * is a new value of `kind`, not a new meaning of the columns:
 * - `api_key`: `id` is the key's id, `label` its name at the time, `organisationId` its organisation;
 * - `invitee`: someone answering through their answer link; `id` is the person's id, `label` their
 *   name (both cleared when the person is erased);
 * - `account`: an organiser signed in to the console (libs/accounts); `id` is their account's id,
 *   `label` their name at the time, `organisationId` the organisation they act for;
 * - `person`: reserved for a person acting for themselves beyond an answer link; `id` the person's id;
 * - `system`: the platform itself (the worker, a command run by the operator); `label` says which.
 */
export const AUDIT_ACTOR_KINDS = ['api_key', 'account', 'invitee', 'person', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  label: string;
  organisationId: string | null;
}

/** What an erased person's entries show where their name was. */
export const ERASED_PERSON_LABEL = 'Erased person';

export function apiKeyActor(key: { id: string; name: string; organisationId: string }): AuditActor {
  return { kind: 'api_key', id: key.id, label: key.name, organisationId: key.organisationId };
}

/** An invitee acts for themselves through their link, not for an organisation. */
export function inviteeActor(person: { id: string; name: string }): AuditActor {
  return { kind: 'invitee', id: person.id, label: person.name, organisationId: null };
}

export function accountActor(account: { id: string; name: string }, organisationId: string): AuditActor {
  return { kind: 'account', id: account.id, label: account.name, organisationId };
}

export function systemActor(label: string): AuditActor {
  return { kind: 'system', id: null, label, organisationId: null };
}
