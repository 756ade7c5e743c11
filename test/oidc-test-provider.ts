import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './console-fixtures';

export interface TestIdentity {
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free port of 127.0.0.1, over http as its
 * docs allow for development, with its development login and consent pages: any login name of
 * `identities` signs in as that person, whatever the password. One confidential client, sent back
 * to `redirectUrl`, PKCE required.
 */
export async function startOidcTestProvider(
  redirectUrl: string,
  identities: Record<string, TestIdentity>,
): Promise<OidcTestProvider> {
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const clientId = 'treffpunkt';
  const clientSecret = randomBytes(32).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: (_context, id) => {
      const identity = identities[id];
      if (!identity) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: identity.email,
          email_verified: identity.emailVerified,
          name: identity.name,
        }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    // Seconds each artifact lives; set, so that the provider does not note its defaults on every use.
    ttl: {
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
  });
  const server: Server = provider.listen(Number(new URL(issuer).port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
