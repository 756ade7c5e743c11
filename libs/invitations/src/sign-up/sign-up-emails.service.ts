import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { httpConfig } from '@app/config';
import { ClaimedEmail } from '@app/emails';
import { eventsByIds, Locale } from '@app/planning';
import { RenderedSignUpEmail, renderSignUpEmail } from './sign-up-email';
import { signUpConfirmationPath, SignUpSecrets } from './sign-up-secrets';

/** What the mail job does with a claimed sign-up email: send it, or skip it for a reason. */
export type SignUpEmail =
  | { id: string; skipReason: string; content?: undefined }
  | {
      id: string;
      skipReason: null;
      content: RenderedSignUpEmail & { recipient: { name: string; email: string; language: Locale } };
    };

/**
 * What a sign-up's confirmation email says, decided when the mail job claims it: the link is
 * derived again from the sign-up's id, and a sign-up confirmed, expired or deleted by then is
 * not written to at all.
 */
@Injectable()
export class SignUpEmails {
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SignUpSecrets,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.baseUrl = http.publicBaseUrl;
  }

  async prepare(claimed: ClaimedEmail[], now = new Date()): Promise<SignUpEmail[]> {
    if (claimed.length === 0) return [];
    const ids = claimed.flatMap((email) => (email.signUpId ? [email.signUpId] : []));
    const rows: Array<{
      id: string;
      eventId: string;
      email: string;
      name: string;
      locale: Locale;
      expiresAt: Date;
    }> = await this.dataSource.query(
      `SELECT id, event_id AS "eventId", email::text AS email, name, locale, expires_at AS "expiresAt"
           FROM sign_ups WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const signUps = new Map(rows.map((row) => [row.id, row]));
    const events = new Map(
      (
        await eventsByIds(
          this.dataSource.manager,
          rows.map((row) => row.eventId),
        )
      ).map((event) => [event.id, event]),
    );
    return claimed.map((email): SignUpEmail => {
      const signUp = email.signUpId ? signUps.get(email.signUpId) : undefined;
      if (!signUp) return { id: email.id, skipReason: 'sign_up_gone' };
      if (signUp.expiresAt <= now) return { id: email.id, skipReason: 'sign_up_expired' };
      const event = events.get(signUp.eventId);
      if (!event || event.status === 'cancelled') return { id: email.id, skipReason: 'event_cancelled' };
      const rendered = renderSignUpEmail({
        language: signUp.locale,
        name: signUp.name,
        event,
        url: `${this.baseUrl}${signUpConfirmationPath(this.secrets.linkToken(signUp.id))}`,
      });
      return {
        id: email.id,
        skipReason: null,
        content: {
          ...rendered,
          recipient: { name: signUp.name, email: signUp.email, language: signUp.locale },
        },
      };
    });
  }
}
