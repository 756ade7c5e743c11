import { HostAllowlist } from './address-policy';
import { checkDestination, DestinationRefused, Resolve } from './destination';

const nobody = new HostAllowlist([]);
const resolvesTo =
  (...addresses: string[]): Resolve =>
  () =>
    Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

describe(checkDestination.name, () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://10.0.0.8/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://0x7f.1/hook',
  ])('should refuse the literal address in %s', async (url) => {
    await expect(checkDestination(new URL(url), nobody)).rejects.toThrow(DestinationRefused);
  });

  it('should refuse a host name that resolves to a special address, even among public ones', async () => {
    await expect(
      checkDestination(new URL('https://rebind.example/'), nobody, resolvesTo('93.184.215.14', '127.0.0.1')),
    ).rejects.toThrow(/127\.0\.0\.1\) is a loopback address/);
  });

  it('should refuse a host name that does not resolve', async () => {
    const fails: Resolve = () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    await expect(checkDestination(new URL('https://nowhere.example/'), nobody, fails)).rejects.toThrow(
      /does not resolve \(ENOTFOUND\)/,
    );
  });

  it('should pin the public addresses a host name resolves to', async () => {
    await expect(
      checkDestination(new URL('https://hooks.example/'), nobody, resolvesTo('93.184.215.14')),
    ).resolves.toEqual({ hostname: 'hooks.example', addresses: [{ address: '93.184.215.14', family: 4 }] });
  });

  it('should let an allowlisted host through without looking at its addresses', async () => {
    const allowlist = new HostAllowlist(['localhost', '127.0.0.1']);
    await expect(checkDestination(new URL('https://LOCALHOST:8443/'), allowlist)).resolves.toEqual({
      hostname: 'localhost',
      addresses: null,
    });
    await expect(checkDestination(new URL('https://127.0.0.1/'), allowlist)).resolves.toEqual({
      hostname: '127.0.0.1',
      addresses: null,
    });
  });
});
