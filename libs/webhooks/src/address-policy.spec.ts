import { addressRange, HostAllowlist, isPublicAddress } from './address-policy';

describe(isPublicAddress.name, () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.178.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['[::ffff:169.254.169.254]', 'linkLocal'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['2001:db8::1', 'reserved'],
  ])('should refuse %s (%s)', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '193.99.144.80', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'should accept the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('should not take a host name for an address', () => {
    expect(addressRange('localhost')).toBeNull();
    expect(isPublicAddress('example.org')).toBe(false);
  });
});

describe(HostAllowlist.name, () => {
  it('should match host names regardless of case and a trailing dot', () => {
    const allowlist = new HostAllowlist(['Hooks.Intranet.example', '10.0.0.5']);
    expect(allowlist.allows('hooks.intranet.example')).toBe(true);
    expect(allowlist.allows('hooks.intranet.example.')).toBe(true);
    expect(allowlist.allows('10.0.0.5')).toBe(true);
    expect(allowlist.allows('10.0.0.6')).toBe(false);
    expect(allowlist.allows('intranet.example')).toBe(false);
  });

  it('should match IPv6 literals in any spelling, with or without brackets', () => {
    const allowlist = new HostAllowlist(['[fd00::0:1]']);
    expect(allowlist.allows('[fd00::1]')).toBe(true);
    expect(allowlist.allows('fd00:0:0:0:0:0:0:1')).toBe(true);
  });
});
