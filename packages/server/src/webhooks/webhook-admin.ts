import { MutualError, newId, systemClock, type Clock } from '@mutual/protocol';
import type { Store } from '../store/store.js';
import { kyselyOf } from './kysely-of.js';
import { newWebhookSecret } from './secret.js';
import { NewWebhookSchema, type NewWebhook, type WebhookSubscription } from './subscription.js';
import { WebhookStore, type DeliveryStatus, type WebhookAttempt, type WebhookDelivery } from './webhook-store.js';

/**
 * What an organisation's admin does with webhooks: subscribe its own systems to the events of a
 * space (optionally one group, some event types), list and remove subscriptions, read the delivery
 * log. Reached like {@link Admin}: from the CLI and in-process, never over the client API.
 */
export class WebhookAdmin {
  readonly #store: Store;
  readonly #webhooks: WebhookStore;
  readonly #domain: string;
  readonly #clock: Clock;

  constructor(store: Store, domain: string, options: { clock?: Clock } = {}) {
    this.#store = store;
    this.#webhooks = new WebhookStore(kyselyOf(store));
    this.#domain = domain;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * Subscribes a URL. The space (and group) must be held here; an internal group must be ours.
   * Returns the signing secret: this is the only time it is shown.
   */
  async add(input: NewWebhook): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const parsed = NewWebhookSchema.safeParse(input);
    if (!parsed.success) {
      throw new MutualError('invalid_request', 'invalid webhook', { detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') });
    }
    const { space, group, events, url, description } = parsed.data;
    if (!(await this.#store.getSpace(space))) throw new MutualError('not_found', `no space ${space} on this server`);
    if (group) {
      const held = await this.#store.getGroup(group);
      if (!held || held.space !== space || (held.kind === 'internal' && held.home !== this.#domain)) {
        throw new MutualError('not_found', `no group ${group} of ${space} on this server`);
      }
    }
    const id = `wh_${newId()}`;
    const secret = newWebhookSecret();
    const createdAt = new Date(this.#clock()).toISOString();
    await this.#webhooks.addSubscription({
      id,
      organisation: this.#domain,
      space_id: space,
      group_id: group ?? null,
      event_types: JSON.stringify(events),
      url,
      secret,
      description: description ?? null,
      created_at: createdAt,
    });
    const subscription = (await this.#webhooks.getSubscription(id))!;
    return { subscription, secret };
  }

  list(space?: string): Promise<WebhookSubscription[]> {
    return this.#webhooks.listSubscriptions(this.#domain, space);
  }

  async remove(id: string): Promise<void> {
    const subscription = await this.#webhooks.getSubscription(id);
    if (!subscription || subscription.organisation !== this.#domain) throw new MutualError('not_found', `no webhook ${id}`);
    await this.#webhooks.removeSubscription(id);
  }

  /** The delivery log, newest first: status, attempts, last answer or error (never a secret). */
  deliveries(filter: { subscription?: string; status?: DeliveryStatus; limit?: number } = {}): Promise<WebhookDelivery[]> {
    return this.#webhooks.deliveries({ organisation: this.#domain, ...filter, limit: filter.limit ?? 50 });
  }

  /** Every attempt of one delivery, first to last. */
  async attempts(delivery: number): Promise<WebhookAttempt[]> {
    return this.#webhooks.attempts(delivery);
  }
}
