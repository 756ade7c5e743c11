import { roundsOf } from './rounds';

const at = (hour: number) => new Date(Date.UTC(2031, 4, 1, hour));
const part = (title: string, from: number, to: number) => ({ title, startsAt: at(from), endsAt: at(to) });

describe(roundsOf.name, () => {
  it('should put overlapping workshops in one round and the next slot in another', () => {
    const rounds = roundsOf([
      part('Klima', 10, 12),
      part('Mittag', 12, 13),
      part('Digital', 10, 12),
      part('Wasser', 11, 12),
    ]);
    expect(rounds.map((round) => round.map((p) => p.title))).toEqual([
      ['Klima', 'Digital', 'Wasser'],
      ['Mittag'],
    ]);
  });

  it('should keep back-to-back parts apart', () => {
    expect(roundsOf([part('A', 9, 10), part('B', 10, 11)])).toHaveLength(2);
  });
});
