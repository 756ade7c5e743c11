import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EmailRelay } from '@app/emails';

/**
 * The relay runs in every worker process, beside (not inside) the mail processor: it is the
 * producer side of the queue, and where it runs Redis is needed anyway. The API only nudges it.
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly relay: EmailRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
