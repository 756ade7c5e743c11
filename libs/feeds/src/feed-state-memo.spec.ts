import { FeedState } from './feed-queries';
import { FeedStateMemo } from './feed-state-memo';

const state = (count: number): FeedState => ({
  subject: { id: null, name: 'Stadt Arnsberg', timeZone: 'Europe/Berlin', changedAt: null },
  count,
  changedAt: null,
  digest: String(count),
});

describe(FeedStateMemo.name, () => {
  it('should give back a state only for the change version it was read at', () => {
    const memo = new FeedStateMemo(10, 60_000);
    memo.set('organisation:ARN', '7', state(3), 0);
    expect(memo.get('organisation:ARN', '7', 1)).toEqual({ state: state(3), at: 0 });
    expect(memo.get('organisation:ARN', '8', 1)).toBeUndefined();
    expect(memo.get('organisation:SUN', '7', 1)).toBeUndefined();
  });

  it('should remember that a feed does not exist, distinct from not knowing', () => {
    const memo = new FeedStateMemo(10, 60_000);
    memo.set('personal:unknown', '7', null, 0);
    expect(memo.get('personal:unknown', '7', 1)).toEqual({ state: null, at: 0 });
  });

  it('should forget states older than the time to live, since feeds also follow the clock', () => {
    const memo = new FeedStateMemo(10, 60_000);
    memo.set('public:[]', '7', state(1), 0);
    expect(memo.get('public:[]', '7', 60_001)).toBeUndefined();
  });

  it('should keep at most the given number of feeds, dropping the oldest', () => {
    const memo = new FeedStateMemo(2, 60_000);
    memo.set('a', '1', state(1), 0);
    memo.set('b', '1', state(2), 0);
    memo.set('c', '1', state(3), 0);
    expect(memo.get('a', '1', 1)).toBeUndefined();
    expect(memo.get('c', '1', 1)?.state).toEqual(state(3));
  });
});
