import { DomainError } from '@app/errors';
import { Event } from '@app/planning';
import { HeldChoice } from './attendance';
import { oneSeatPerRound, RoundTakenDetails } from './workshop-rounds';

const at = (time: string) => new Date(`2027-06-10T${time}:00+02:00`);
const workshop = (id: string, title: string, from: string, to: string) =>
  ({ id, title, startsAt: at(from), endsAt: at(to) }) as Event;

const digitalisierung = workshop('digi', 'Digitalisierung', '10:00', '12:00');
const klimaschutz = workshop('klima', 'Klimaschutz', '10:00', '12:00');
const bauen = workshop('bauen', 'Bauen', '13:00', '15:00');
const offered = [digitalisierung, klimaschutz, bauen];

function refusal(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(oneSeatPerRound.name, () => {
  it('should let a person take one workshop in each round', () => {
    expect(oneSeatPerRound(offered, [], ['digi', 'bauen'], false)).toEqual({
      wanted: ['digi', 'bauen'],
      replaced: [],
    });
  });

  it('should refuse two new workshops of one round, naming both', () => {
    const error = refusal(() => oneSeatPerRound(offered, [], ['digi', 'klima'], false));
    expect(error.code).toBe('one_per_round');
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('"Digitalisierung" and "Klimaschutz"');
  });

  it('should refuse a new workshop beside a held seat of its round, naming the seat it would replace', () => {
    const held: HeldChoice[] = [{ eventId: 'klima', status: 'confirmed' }];
    const error = refusal(() => oneSeatPerRound(offered, held, ['klima', 'digi'], false));
    expect(error.code).toBe('round_taken');
    expect(error.kind).toBe('conflict');
    expect(error.details).toMatchObject({
      seat: { workshopId: 'klima', title: 'Klimaschutz', status: 'confirmed' },
      requested: { workshopId: 'digi', title: 'Digitalisierung' },
    } satisfies Partial<RoundTakenDetails>);
  });

  it('should count a place on a waitlist as the seat of its round', () => {
    const held: HeldChoice[] = [{ eventId: 'klima', status: 'waitlisted' }];
    expect(refusal(() => oneSeatPerRound(offered, held, ['klima', 'digi'], false)).code).toBe('round_taken');
  });

  it('should swap the held seat for the new one when asked to replace it', () => {
    const held: HeldChoice[] = [{ eventId: 'klima', status: 'confirmed' }];
    expect(oneSeatPerRound(offered, held, ['klima', 'digi', 'bauen'], true)).toEqual({
      wanted: ['digi', 'bauen'],
      replaced: [
        { given: { id: 'klima', title: 'Klimaschutz' }, taken: { id: 'digi', title: 'Digitalisierung' } },
      ],
    });
  });

  it('should report a seat left out for another of its round as replaced, as the answer page sends it', () => {
    const held: HeldChoice[] = [{ eventId: 'klima', status: 'confirmed' }];
    expect(oneSeatPerRound(offered, held, ['digi'], false).replaced).toEqual([
      { given: { id: 'klima', title: 'Klimaschutz' }, taken: { id: 'digi', title: 'Digitalisierung' } },
    ]);
  });

  it('should let a person keep two seats a change of times put into one round, until they choose', () => {
    const held: HeldChoice[] = [
      { eventId: 'klima', status: 'confirmed' },
      { eventId: 'digi', status: 'confirmed' },
    ];
    expect(oneSeatPerRound(offered, held, ['klima', 'digi'], false)).toEqual({
      wanted: ['klima', 'digi'],
      replaced: [],
    });
  });

  it('should not count a seat given up before as held', () => {
    const held: HeldChoice[] = [{ eventId: 'klima', status: 'withdrawn' }];
    expect(oneSeatPerRound(offered, held, ['digi'], false)).toEqual({ wanted: ['digi'], replaced: [] });
  });
});
