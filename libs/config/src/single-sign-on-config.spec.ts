import { validateEnvironment } from './environment';
import { singleSignOnConfig } from './namespaces';

const PROVIDER = {
  OIDC_ISSUER_URL: 'https://login.arnsberg.example/realms/stadt',
  OIDC_CLIENT_ID: 'treffpunkt',
  OIDC_CLIENT_SECRET: 'a-client-secret',
};

describe('single sign-on configuration', () => {
  const saved = { ...process.env };

  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it('should be off when no provider is configured', () => {
    for (const name of Object.keys(PROVIDER)) delete process.env[name];
    expect(singleSignOnConfig().provider).toBeNull();
  });

  it('should derive the callback from PUBLIC_BASE_URL and require verified addresses by default', () => {
    Object.assign(process.env, PROVIDER, {
      PUBLIC_BASE_URL: 'https://treffpunkt.arnsberg.example/',
      OIDC_DISPLAY_NAME: 'Keycloak',
    });
    expect(singleSignOnConfig().provider).toEqual({
      issuer: PROVIDER.OIDC_ISSUER_URL,
      clientId: 'treffpunkt',
      clientSecret: 'a-client-secret',
      redirectUrl: 'https://treffpunkt.arnsberg.example/console/sso/callback',
      displayName: 'Keycloak',
      requireVerifiedEmail: true,
    });
  });

  it.each(['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'])(
    'should refuse to start when %s is missing from the other two',
    (missing) => {
      const partial: Record<string, string> = { ...PROVIDER };
      delete partial[missing];
      expect(() => validateEnvironment(partial)).toThrow(
        new RegExp(`${missing}: .*set together with OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET`),
      );
    },
  );

  it('should refuse an issuer that is not a URL', () => {
    expect(() => validateEnvironment({ ...PROVIDER, OIDC_ISSUER_URL: 'keycloak' })).toThrow(
      /OIDC_ISSUER_URL/,
    );
  });

  it('should refuse a plain-http issuer in production, and allow it in development', () => {
    const http = { ...PROVIDER, OIDC_ISSUER_URL: 'http://127.0.0.1:8080/realms/dev' };
    expect(() =>
      validateEnvironment({
        ...http,
        NODE_ENV: 'production',
        ANSWER_LINK_SECRET: 'x'.repeat(32),
        SIGN_IN_SECRET: 'y'.repeat(32),
      }),
    ).toThrow(/OIDC_ISSUER_URL: must be an https URL in production/);
    expect(validateEnvironment(http).OIDC_ISSUER_URL).toBe('http://127.0.0.1:8080/realms/dev');
  });

  it('should take only true or false for OIDC_REQUIRE_VERIFIED_EMAIL', () => {
    expect(() => validateEnvironment({ ...PROVIDER, OIDC_REQUIRE_VERIFIED_EMAIL: 'no' })).toThrow(
      /OIDC_REQUIRE_VERIFIED_EMAIL/,
    );
    expect(
      validateEnvironment({ ...PROVIDER, OIDC_REQUIRE_VERIFIED_EMAIL: 'false' }).OIDC_REQUIRE_VERIFIED_EMAIL,
    ).toBe('false');
  });
});
