import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { webhooksConfig } from '@app/config';
import { DeliveryOutcome } from './delivery-outcome';
import { DeliveredEventType } from './webhook-event-types';
import { attemptOfJob } from './webhook-job-id';

/** A delivery claimed for an attempt, with what signing and sending need. */
export interface ClaimedDelivery {
  id: string;
  messageId: string;
  eventType: DeliveredEventType;
  body: string;
  /** This attempt's number, from 1. */
  attempt: number;
  endpointId: string;
  url: string;
  endpointEnabled: boolean;
  /** The current secret first, then the previous one while its overlap lasts. */
  secrets: string[];
}

interface ClaimRow {
  id: string;
  message_id: string;
  event_type: DeliveredEventType;
  body: string;
  attempts: number;
  endpoint_id: string;
  url: string;
  enabled: boolean;
  secret: string;
  previous_secret: string | null;
}

/**
 * The delivery state as the worker moves it along. Every transition is conditional on the job
 * that holds the row, so that a stale or duplicate job can neither send a delivery nor overwrite
 * its result.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly settings: ConfigType<typeof webhooksConfig>,
  ) {}

  /**
   * Marks the delivery `delivering` and counts the attempt before anything is sent, so a crash
   * leaves a visible row that recovery picks up. A pending row is claimed by the job of its next
   * attempt (named after it), not by job id on the row: the relay adds the job before its
   * transaction commits, and the job may run first. A stale job of an earlier attempt claims
   * nothing. Null when the row is gone or not this job's.
   */
  async claim(jobId: string, deliveryId: string): Promise<ClaimedDelivery | null> {
    const rows: ClaimRow[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE webhook_deliveries d
            SET status = 'delivering', attempts = d.attempts + 1, job_id = $2, last_attempt_at = now(),
                updated_at = now()
          WHERE d.id = $1
            AND ((d.status = 'pending' AND d.attempts + 1 = $3) OR (d.status = 'delivering' AND d.job_id = $2))
      RETURNING d.id, d.message_id, d.event_type, d.body, d.attempts, d.endpoint_id)
       SELECT c.*, w.url, w.enabled, w.secret,
              CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret END AS previous_secret
         FROM claimed c JOIN webhook_endpoints w ON w.id = c.endpoint_id`,
      [deliveryId, jobId, attemptOfJob(jobId)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      messageId: row.message_id,
      eventType: row.event_type,
      body: row.body,
      attempt: row.attempts,
      endpointId: row.endpoint_id,
      url: row.url,
      endpointEnabled: row.enabled,
      secrets: row.previous_secret ? [row.secret, row.previous_secret] : [row.secret],
    };
  }

  /**
   * Records how the attempt ended and keeps the endpoint's count of deliveries that failed in a
   * row; at WEBHOOK_DISABLE_AFTER_FAILURES the endpoint is disabled, with the reason visible.
   * Returns false when the row was no longer this job's.
   */
  async record(jobId: string, delivery: ClaimedDelivery, outcome: DeliveryOutcome): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, updated]: [unknown, number] = await manager.query(
        `UPDATE webhook_deliveries
            SET status = $3::varchar,
                next_attempt_at = CASE WHEN $3::varchar = 'pending'
                                       THEN now() + $4::bigint * interval '1 millisecond' END,
                enqueued_at = NULL, job_id = CASE WHEN $3::varchar = 'pending' THEN NULL ELSE job_id END,
                last_status_code = $5::int, response_excerpt = $6::varchar, last_error = $7::varchar,
                delivered_at = CASE WHEN $3::varchar = 'delivered' THEN now() END, updated_at = now()
          WHERE id = $1 AND job_id = $2 AND status = 'delivering'`,
        [
          delivery.id,
          jobId,
          outcome.status,
          outcome.status === 'pending' ? outcome.retryInMs : null,
          outcome.statusCode,
          outcome.excerpt,
          outcome.status === 'delivered' ? null : outcome.error.slice(0, 1000),
        ],
      );
      if (updated === 0) return false;
      if (outcome.status === 'delivered') {
        await manager.query(
          `UPDATE webhook_endpoints SET failed_in_a_row = 0 WHERE id = $1 AND failed_in_a_row > 0`,
          [delivery.endpointId],
        );
      } else if (outcome.status === 'failed' && delivery.endpointEnabled) {
        await this.countFailure(manager, delivery.endpointId, outcome.error);
      }
      return true;
    });
  }

  private async countFailure(manager: EntityManager, endpointId: string, lastError: string): Promise<void> {
    const threshold = this.settings.disableAfterFailures;
    const [rows]: [Array<{ enabled: boolean }>, number] = await manager.query(
      `UPDATE webhook_endpoints
          SET failed_in_a_row = failed_in_a_row + 1,
              enabled = CASE WHEN $2 > 0 AND failed_in_a_row + 1 >= $2 THEN false ELSE enabled END,
              disabled_at = CASE WHEN $2 > 0 AND failed_in_a_row + 1 >= $2 THEN now() ELSE disabled_at END,
              disabled_reason = CASE WHEN $2 > 0 AND failed_in_a_row + 1 >= $2 THEN $3 ELSE disabled_reason END,
              updated_at = now()
        WHERE id = $1 AND enabled
    RETURNING enabled`,
      [
        endpointId,
        threshold,
        `Disabled automatically: ${threshold} deliveries in a row failed. Last error: ${lastError}`.slice(
          0,
          1000,
        ),
      ],
    );
    if (rows[0]?.enabled === false) {
      this.logger.warn(
        `Webhook endpoint ${endpointId} disabled after ${threshold} failed deliveries in a row`,
      );
    }
  }
}
