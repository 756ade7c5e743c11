import { DataSource } from 'typeorm';
import { systemActor } from '@app/audit';
import { ChangeVersion } from '@app/database';
import { Actor, Role } from '../shared/actor';
import { Person } from './person.entity';
import { PeopleVisibility } from './people-visibility';

describe(PeopleVisibility.name, () => {
  // present and seesContact decide from the key and the person alone: no database needed.
  const visibility = new PeopleVisibility({} as DataSource, {} as ChangeVersion);
  const key = (organisationId: string, role: Role): Actor => ({
    organisationId,
    role,
    who: systemActor('spec'),
  });
  const person: Person = Object.assign(new Person(), {
    id: 'p1',
    name: 'Amani Mwakyusa',
    email: 'amani@morogoro.example',
    organisationId: 'moro',
    department: 'Environment',
    locale: 'sw',
    timeZone: 'Africa/Dar_es_Salaam',
    createdAt: new Date('2027-01-01T00:00:00Z'),
    updatedAt: new Date('2027-01-02T00:00:00Z'),
  });

  it("should give a key of the person's organisation, viewer or organiser, the contact data", () => {
    for (const role of ['viewer', 'organiser'] as const) {
      expect(visibility.present(key('moro', role), person)).toMatchObject({
        contactVisible: true,
        email: 'amani@morogoro.example',
        department: 'Environment',
      });
    }
  });

  it('should give an admin key of any organisation the contact data', () => {
    expect(visibility.seesContact(key('ops', 'admin'), person)).toBe(true);
  });

  it('should give a key of another organisation name and organisation only', () => {
    expect(visibility.present(key('arn', 'organiser'), person)).toEqual({
      id: 'p1',
      name: 'Amani Mwakyusa',
      organisationId: 'moro',
      contactVisible: false,
    });
  });

  it('should not treat a person without an organisation as one of the key’s own', () => {
    const guest = Object.assign(new Person(), { ...person, organisationId: null });
    expect(visibility.seesContact(key('arn', 'organiser'), guest)).toBe(false);
  });
});
