/**
 * The little of oidc-provider (which ships no types) that test/oidc-test-provider.ts uses: a
 * provider with a Koa app that listens like node:http.
 */
declare module 'oidc-provider' {
  import { Server } from 'node:http';

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface FoundAccount {
    accountId: string;
    claims(): AccountClaims;
  }

  export interface Configuration {
    clients: Array<Record<string, unknown>>;
    findAccount(context: unknown, id: string): FoundAccount | undefined;
    claims: Record<string, string[]>;
    jwks: { keys: object[] };
    cookies: { keys: string[] };
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required(): boolean };
    ttl?: Record<string, number>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    listen(port: number, host: string): Server;
  }
}
