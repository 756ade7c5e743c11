import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { WebhookRelay } from '@app/webhooks';

/** The webhook relay runs in every worker process, beside the processor; the API only nudges it. */
@Injectable()
export class WebhookRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly relay: WebhookRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
