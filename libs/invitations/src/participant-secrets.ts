import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { hkdfSync } from 'node:crypto';
import { answersConfig, derivedKeyBytes } from '@app/config';
import { FeedTokenSecret, feedTokenFromSeed } from '@app/feeds';

/**
 * The personal feed link a participant asks for on their programme page is derived from the id
 * of the email that carries it: the request stores only the token's digest, and the mail job
 * derives the token again when it sends, so nothing readable waits in the outbox.
 */
@Injectable()
export class ParticipantSecrets {
  private readonly key: Buffer;

  constructor(@Inject(answersConfig.KEY) answers: ConfigType<typeof answersConfig>) {
    this.key = derivedKeyBytes(answers.linkSecret, 'personal feed link v1');
  }

  feedToken(emailId: string): FeedTokenSecret {
    return feedTokenFromSeed(Buffer.from(hkdfSync('sha256', this.key, emailId, 'feed token', 40)));
  }
}
