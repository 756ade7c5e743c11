import { demoId, uuidV5 } from './seed-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe(uuidV5.name, () => {
  it('should give the RFC test vector for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('should mark the id as version 5 with the RFC variant', () => {
    const id = uuidV5('anything', DNS_NAMESPACE);
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('should refuse a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('is not a UUID');
  });
});

describe(demoId.name, () => {
  it('should give the same id for the same key on every run', () => {
    expect(demoId('event', 'staedtetag-2022')).toBe(demoId('event', 'staedtetag-2022'));
  });

  it('should keep records of different kinds with the same key apart', () => {
    expect(demoId('organisation', 'ARN')).not.toBe(demoId('partnership', 'ARN'));
  });
});
