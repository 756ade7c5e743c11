import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { httpConfig } from '@app/config';
import { ClaimedEmail } from '@app/emails';
import { OrganisationsService } from '@app/planning';
import { Account } from './account.entity';
import { RenderedSignInEmail, renderSignInEmail } from './sign-in-email';
import { SignInRequest } from './sign-in-request.entity';
import { signInPath, SignInSecrets } from './sign-in-secrets';

/** What the mail job does with a claimed sign-in email: send it, or skip it for a reason. */
export type SignInEmail =
  | { id: string; skipReason: string; content?: undefined }
  | {
      id: string;
      skipReason: null;
      content: RenderedSignInEmail & { recipient: { name: string | null; email: string; language: string } };
    };

/**
 * What a sign-in email says, decided when the mail job claims it: the link and code are derived
 * again from the request's id (they are stored only as digests), and a request used or expired
 * by then is not sent at all.
 */
@Injectable()
export class SignInEmails {
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SignInSecrets,
    private readonly organisations: OrganisationsService,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.baseUrl = http.publicBaseUrl;
  }

  private url(requestId: string): string {
    return `${this.baseUrl}${signInPath(this.secrets.linkToken(requestId))}`;
  }

  async prepare(claimed: ClaimedEmail[], now = new Date()): Promise<SignInEmail[]> {
    const ids = claimed.flatMap((email) => (email.signInRequestId ? [email.signInRequestId] : []));
    if (ids.length === 0) return claimed.map((email) => ({ id: email.id, skipReason: 'request_gone' }));
    const requests = new Map(
      (await this.dataSource.getRepository(SignInRequest).findBy({ id: In(ids) })).map((request) => [
        request.id,
        request,
      ]),
    );
    const emails = [...new Set([...requests.values()].map((request) => request.email))];
    const inviterIds = [...requests.values()].flatMap((request) =>
      request.invitedBy ? [request.invitedBy] : [],
    );
    const accounts = await this.dataSource
      .getRepository(Account)
      .find({ where: [{ email: In(emails) }, { id: In(inviterIds) }] });
    const accountByEmail = new Map(accounts.map((account) => [account.email, account]));
    const accountById = new Map(accounts.map((account) => [account.id, account]));
    return Promise.all(
      claimed.map(async (email): Promise<SignInEmail> => {
        const request = email.signInRequestId ? requests.get(email.signInRequestId) : undefined;
        if (!request) return { id: email.id, skipReason: 'request_gone' };
        if (request.usedAt) return { id: email.id, skipReason: 'sign_in_used' };
        if (request.expiresAt <= now) return { id: email.id, skipReason: 'sign_in_expired' };
        const recipientName = request.inviteeName ?? accountByEmail.get(request.email)?.name ?? null;
        const invitation = request.organisationId
          ? {
              inviter: (request.invitedBy && accountById.get(request.invitedBy)?.name) || 'Treffpunkt',
              organisation: (await this.organisations.get(request.organisationId)).name,
            }
          : null;
        const rendered = renderSignInEmail({
          language: request.language,
          recipientName,
          url: this.url(request.id),
          code: this.secrets.code(request.id),
          invitation,
        });
        return {
          id: email.id,
          skipReason: null,
          content: {
            ...rendered,
            recipient: { name: recipientName, email: request.email, language: request.language },
          },
        };
      }),
    );
  }
}
