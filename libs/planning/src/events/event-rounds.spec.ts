import { roundMatesOf, roundsOf } from './event-rounds';

const at = (time: string) => new Date(`2027-06-10T${time}:00+02:00`);
const part = (id: string, from: string, to: string) => ({ id, startsAt: at(from), endsAt: at(to) });

const digitalisierung = part('digitalisierung', '10:00', '12:00');
const klimaschutz = part('klimaschutz', '10:00', '12:00');
const mittag = part('mittag', '12:00', '13:00');
const ki = part('ki', '13:00', '15:00');
const bauen = part('bauen', '13:00', '15:00');

const ids = (rounds: ReturnType<typeof roundsOf<{ id: string; startsAt: Date; endsAt: Date }>>) =>
  rounds.map((round) => round.parts.map((each) => each.id));

describe('roundsOf', () => {
  it('should make one round of workshops at the same time', () => {
    expect(ids(roundsOf([ki, digitalisierung, bauen, klimaschutz]))).toEqual([
      ['digitalisierung', 'klimaschutz'],
      ['ki', 'bauen'],
    ]);
  });

  it('should not join parts that only touch: one ends when the other starts', () => {
    expect(ids(roundsOf([digitalisierung, mittag, ki]))).toEqual([['digitalisierung'], ['mittag'], ['ki']]);
  });

  it('should join a chain of overlaps into one round, spanning from the first start to the last end', () => {
    const early = part('early', '10:00', '11:00');
    const bridge = part('bridge', '10:30', '12:30');
    const late = part('late', '12:00', '13:00');
    const [round, ...rest] = roundsOf([late, early, bridge]);
    expect(rest).toEqual([]);
    expect(round.parts.map((each) => each.id)).toEqual(['early', 'bridge', 'late']);
    expect(round).toMatchObject({ startsAt: at('10:00'), endsAt: at('13:00') });
  });

  it('should keep a long part open for parts starting inside it after a shorter one ended', () => {
    const long = part('long', '10:00', '15:00');
    const short = part('short', '10:00', '11:00');
    const after = part('after', '14:00', '16:00');
    expect(ids(roundsOf([short, long, after]))).toEqual([['short', 'long', 'after']]);
  });

  it('should make no rounds of no parts', () => {
    expect(roundsOf([])).toEqual([]);
  });
});

describe('roundMatesOf', () => {
  it('should name the alternatives of each part, and none for a part alone in its round', () => {
    const mates = roundMatesOf([digitalisierung, klimaschutz, mittag]);
    expect(mates.get('digitalisierung')?.map((each) => each.id)).toEqual(['klimaschutz']);
    expect(mates.get('klimaschutz')?.map((each) => each.id)).toEqual(['digitalisierung']);
    expect(mates.get('mittag')).toEqual([]);
  });
});
