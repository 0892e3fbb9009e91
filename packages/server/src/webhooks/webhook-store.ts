import type { EventType } from '@mutual/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable, WebhookSubscriptionsTable } from '../store/schema.js';
import type { WebhookSubscription } from './subscription.js';

export type DeliveryStatus = WebhookDeliveriesTable['status'];

/** A line of the delivery log. */
export interface WebhookDelivery {
  id: number;
  subscription: string;
  /** Sent as `webhook-id`. */
  eventId: string;
  group: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus?: number;
  lastError?: string;
  /** When the event happened. */
  createdAt: string;
  finishedAt?: string;
  /** When the next try is due (ms since the epoch), while pending. */
  nextAttemptAt?: number;
}

export interface WebhookAttempt {
  attempt: number;
  at: string;
  status?: number;
  error?: string;
  durationMs: number;
}

/** What the worker needs to send one delivery: the subscription's URL and secret included. */
export interface DueDelivery {
  id: number;
  eventId: string;
  payload: string;
  attempts: number;
  nextAttemptAt: number;
  subscription: { id: string; organisation: string; url: string; secret: string };
}

export const toSubscription = (row: Selectable<WebhookSubscriptionsTable>): WebhookSubscription => ({
  id: row.id,
  organisation: row.organisation,
  space: row.space_id,
  ...(row.group_id !== null && { group: row.group_id }),
  events: JSON.parse(row.event_types) as Array<EventType | '*'>,
  url: row.url,
  ...(row.description !== null && { description: row.description }),
  createdAt: row.created_at,
});

const toDelivery = (row: Selectable<WebhookDeliveriesTable>): WebhookDelivery => ({
  id: Number(row.id),
  subscription: row.subscription_id,
  eventId: row.event_id,
  group: row.group_id,
  type: row.event_type,
  status: row.status,
  attempts: Number(row.attempts),
  ...(row.last_status !== null && { lastStatus: Number(row.last_status) }),
  ...(row.last_error !== null && { lastError: row.last_error }),
  createdAt: row.created_at,
  ...(row.finished_at !== null && { finishedAt: row.finished_at }),
  ...(row.status === 'pending' && { nextAttemptAt: Number(row.next_attempt_at) }),
});

/** The webhook tables (migration 0006), the same SQL on SQLite and PostgreSQL. */
export class WebhookStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async addSubscription(row: Selectable<WebhookSubscriptionsTable>): Promise<void> {
    await this.#db.insertInto('webhook_subscriptions').values(row).execute();
  }

  async listSubscriptions(organisation: string, space?: string): Promise<WebhookSubscription[]> {
    let query = this.#db.selectFrom('webhook_subscriptions').selectAll().where('organisation', '=', organisation);
    if (space) query = query.where('space_id', '=', space);
    return (await query.orderBy('created_at').orderBy('id').execute()).map(toSubscription);
  }

  async getSubscription(id: string): Promise<WebhookSubscription | undefined> {
    const row = await this.#db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSubscription(row);
  }

  /** Removes a subscription and its log, in one transaction: nothing more is sent for it. */
  async removeSubscription(id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const deliveries = trx.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', id);
      await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
      await trx.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
      const removed = await trx.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
      return Number(removed.numDeletedRows) > 0;
    });
  }

  /**
   * Pending deliveries whose time has come, oldest first: at most `perSubscription` of each
   * subscription, none of the subscriptions in `except` (those already busy), so that one
   * receiver's backlog never fills a pass.
   */
  async due(now: number, limit: number, { perSubscription, except = [] }: { perSubscription: number; except?: readonly string[] }): Promise<DueDelivery[]> {
    const ranked = this.#db
      .selectFrom('webhook_deliveries')
      .select(['id', 'subscription_id'])
      .select((eb) => eb.fn.agg<number>('row_number').over((over) => over.partitionBy('subscription_id').orderBy('id')).as('place'))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .$if(except.length > 0, (query) => query.where('subscription_id', 'not in', [...except]));
    const rows = await this.#db
      .selectFrom(ranked.as('ranked'))
      .innerJoin('webhook_deliveries', 'webhook_deliveries.id', 'ranked.id')
      .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
      .select([
        'webhook_deliveries.id',
        'webhook_deliveries.event_id',
        'webhook_deliveries.payload',
        'webhook_deliveries.attempts',
        'webhook_deliveries.next_attempt_at',
        'webhook_subscriptions.id as subscription_id',
        'webhook_subscriptions.organisation',
        'webhook_subscriptions.url',
        'webhook_subscriptions.secret',
      ])
      .where('ranked.place', '<=', perSubscription)
      .orderBy('webhook_deliveries.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      eventId: row.event_id,
      payload: row.payload,
      attempts: Number(row.attempts),
      nextAttemptAt: Number(row.next_attempt_at),
      subscription: { id: row.subscription_id, organisation: row.organisation, url: row.url, secret: row.secret },
    }));
  }

  /**
   * Takes a due delivery for one attempt by moving its next try past the attempt's deadline; only
   * one process wins (the row must still be as it was read), so two never send the same attempt.
   */
  async claim(delivery: DueDelivery, until: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: until })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', delivery.nextAttemptAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records one attempt and what follows: delivered, failed for good, or another try later. */
  async recordAttempt(
    id: number,
    attempt: WebhookAttempt,
    outcome: { status: 'delivered' | 'failed'; at: string } | { status: 'pending'; nextAttemptAt: number },
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_attempts')
        .values({
          delivery_id: id,
          attempt: attempt.attempt,
          at: attempt.at,
          status: attempt.status ?? null,
          error: attempt.error?.slice(0, 500) ?? null,
          duration_ms: Math.round(attempt.durationMs),
        })
        .onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing())
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          attempts: attempt.attempt,
          last_status: attempt.status ?? null,
          last_error: attempt.error?.slice(0, 500) ?? null,
          status: outcome.status,
          ...(outcome.status === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : { finished_at: outcome.at }),
        })
        .where('id', '=', id)
        .execute();
    });
  }

  async deliveries(filter: { organisation: string; subscription?: string; status?: DeliveryStatus; limit: number }): Promise<WebhookDelivery[]> {
    let query = this.#db
      .selectFrom('webhook_deliveries')
      .selectAll('webhook_deliveries')
      .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
      .where('webhook_subscriptions.organisation', '=', filter.organisation);
    if (filter.subscription) query = query.where('webhook_deliveries.subscription_id', '=', filter.subscription);
    if (filter.status) query = query.where('webhook_deliveries.status', '=', filter.status);
    const rows = await query.orderBy('webhook_deliveries.id', 'desc').limit(filter.limit).execute();
    return rows.map(toDelivery);
  }

  async attempts(delivery: number): Promise<WebhookAttempt[]> {
    const rows = await this.#db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', delivery).orderBy('attempt').execute();
    return rows.map((row) => ({
      attempt: Number(row.attempt),
      at: row.at,
      ...(row.status !== null && { status: Number(row.status) }),
      ...(row.error !== null && { error: row.error }),
      durationMs: Number(row.duration_ms),
    }));
  }
}
