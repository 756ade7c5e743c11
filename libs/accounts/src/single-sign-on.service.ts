import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { KeyObject } from 'node:crypto';
import * as oidc from 'openid-client';
import { accountsConfig, singleSignOnConfig } from '@app/config';
import { AccountsError } from './accounts.error';
import { FLOW_VALIDITY_MS, flowKey, openFlow, sealFlow } from './single-sign-on-flow';
import { SignedIn, SignInService } from './sign-in.service';

type Provider = NonNullable<ConfigType<typeof singleSignOnConfig>['provider']>;

/** Seconds one request to the provider may take before it counts as unreachable. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/** Where to send the browser, and the sealed flow it must bring back (for a cookie). */
export interface SingleSignOnStart {
  authorizationUrl: string;
  flow: string;
}

/**
 * Single sign-on through the installation's OpenID Connect provider (Keycloak, Entra ID, …): the
 * authorization code flow with PKCE, `state` and `nonce`. The provider proves an email address;
 * the account of that address signs in as with an emailed link. The provider's endpoints and keys
 * are discovered on first use, not at boot: a provider that is down must not stop the API, and
 * sign-in by email works without it.
 */
@Injectable()
export class SingleSignOnService {
  private readonly logger = new Logger(SingleSignOnService.name);
  private readonly provider: Provider | null;
  private readonly flowKey: KeyObject;
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    @Inject(singleSignOnConfig.KEY) config: ConfigType<typeof singleSignOnConfig>,
    @Inject(accountsConfig.KEY) accounts: ConfigType<typeof accountsConfig>,
    private readonly signIn: SignInService,
  ) {
    this.provider = config.provider;
    this.flowKey = flowKey(accounts.signInSecret);
  }

  /** The provider's name for the sign-in button, or null when single sign-on is off. */
  get displayName(): string | null {
    return this.provider?.displayName ?? null;
  }

  async start(): Promise<SingleSignOnStart> {
    const provider = this.configured();
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: provider.redirectUrl,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const flow = sealFlow(this.flowKey, {
      state,
      nonce,
      codeVerifier,
      expiresAt: Date.now() + FLOW_VALIDITY_MS,
    });
    return { authorizationUrl: authorizationUrl.href, flow };
  }

  /**
   * The provider sent the browser back: checks the answer against the flow the browser brought
   * (state, PKCE, nonce; openid-client verifies the ID token's signature, issuer, audience and
   * times), and signs in the account of the proven address. `callbackQuery` is the query string
   * the browser came back with; the callback's address is the configured one, as the provider knows
   * it, whatever a proxy in front of the API made of the request.
   */
  async finish(callbackQuery: string, sealedFlow: string | undefined): Promise<SignedIn> {
    const provider = this.configured();
    const flow = openFlow(this.flowKey, sealedFlow);
    if (!flow) {
      throw new AccountsError(
        'invalid',
        'single_sign_on_failed',
        'This sign-in took too long or was started in another browser. Start it again.',
      );
    }
    const configuration = await this.configuration();
    let claims: Record<string, unknown>;
    try {
      const callbackUrl = new URL(provider.redirectUrl);
      callbackUrl.search = callbackQuery;
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      claims =
        typeof idToken.email === 'string'
          ? idToken
          : { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
    } catch (error) {
      throw this.failure(error);
    }
    const email = typeof claims.email === 'string' ? claims.email : null;
    if (!email) {
      throw new AccountsError(
        'invalid',
        'single_sign_on_failed',
        'The identity provider did not tell us your email address.',
      );
    }
    if (provider.requireVerifiedEmail && claims.email_verified !== true) {
      throw new AccountsError(
        'forbidden',
        'single_sign_on_email_unverified',
        'Your identity provider has not verified your email address, so it cannot sign you in here.',
      );
    }
    return this.signIn.provenAddress(email);
  }

  private configured(): Provider {
    if (!this.provider) {
      throw new AccountsError('not_found', 'single_sign_on_off', 'Single sign-on is not set up here.');
    }
    return this.provider;
  }

  /** Discovered once; a failed discovery is tried again by the next sign-in. */
  private async configuration(): Promise<oidc.Configuration> {
    const provider = this.configured();
    this.discovered ??= oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { redirect_uris: [provider.redirectUrl] },
      oidc.ClientSecretPost(provider.clientSecret),
      {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // http is refused in production by the config; in development a local provider is http.
        execute: provider.issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
      },
    );
    try {
      return await this.discovered;
    } catch (error) {
      this.discovered = undefined;
      throw this.failure(error);
    }
  }

  /**
   * What went wrong, for the person: their refusal at the provider; an answer that does not fit
   * this flow (a forged or replayed callback, a used or expired code); or, for anything else, the
   * provider itself (unreachable, timing out, answering with errors or garbage).
   */
  private failure(error: unknown): AccountsError {
    if (error instanceof AccountsError) return error;
    const name = error instanceof Error ? error.name : '';
    const oauthError =
      name === 'AuthorizationResponseError' ? (error as oidc.AuthorizationResponseError).error : '';
    const status = name === 'ResponseBodyError' ? (error as oidc.ResponseBodyError).status : 0;
    const code = name === 'ClientError' ? (error as oidc.ClientError).code : undefined;
    this.logger.warn(`Single sign-on failed: ${name} ${oauthError || code || status || ''}`);
    if (REFUSALS.has(oauthError)) {
      return new AccountsError(
        'forbidden',
        'single_sign_on_denied',
        'The identity provider did not sign you in.',
      );
    }
    const notThisFlow =
      (oauthError !== '' && !PROVIDER_TROUBLE.has(oauthError)) ||
      (status >= 400 && status < 500) ||
      (code !== undefined && MISMATCHES.has(code));
    return notThisFlow
      ? new AccountsError(
          'invalid',
          'single_sign_on_failed',
          'The answer of the identity provider did not match this sign-in. Start it again.',
        )
      : new AccountsError(
          'unavailable',
          'single_sign_on_unavailable',
          'The identity provider could not be reached or answered wrongly. Try again later, or sign in by email.',
        );
  }
}

/** Errors in the callback that mean the person (or the provider's policy for them) said no. */
const REFUSALS = new Set(['access_denied', 'consent_required', 'login_required', 'interaction_required']);
/** Errors in the callback that mean the provider is in trouble, not the flow. */
const PROVIDER_TROUBLE = new Set(['server_error', 'temporarily_unavailable']);
/** openid-client's codes for an answer that contradicts the flow: state, nonce, issuer, times. */
const MISMATCHES = new Set([
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
]);
