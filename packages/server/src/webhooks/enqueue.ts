import { domainOf, type GroupEvent } from '@mutual/protocol';
import type { Kysely } from 'kysely';
import { precompile } from '../store/precompiled-query.js';
import type { Database } from '../store/schema.js';
import { mayReceive } from './audience.js';
import { webhookPayload } from './payload.js';
import { acceptsType } from './subscription.js';

/** Every applied event asks this (nearly always to find none): compiled once. */
const subscriptionsFor = precompile(2, (db, space, group) =>
  db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'organisation', 'event_types'])
    .where('space_id', '=', space!)
    .where((eb) => eb.or([eb('group_id', 'is', null), eb('group_id', '=', group!)])),
);

/**
 * Queues the event for every subscription that wants it, inside the transaction that applies the
 * event (at home or as a replica), so that no applied event is ever missed and none is queued
 * twice for a subscription (one row per subscription and event id). The payload is fixed here.
 */
export async function enqueueWebhookDeliveries(trx: Kysely<Database>, event: GroupEvent): Promise<void> {
  const subscriptions = (await subscriptionsFor(trx, event.space, event.group)).rows;
  const wanted = subscriptions.filter((s) => acceptsType(JSON.parse(s.event_types) as string[], event.type));
  if (wanted.length === 0) return;
  const group = await trx.selectFrom('groups').selectAll().where('id', '=', event.group).executeTakeFirst();
  const space = await trx.selectFrom('spaces').selectAll().where('id', '=', event.space).executeTakeFirst();
  if (!group || !space) return;
  const members = await trx.selectFrom('memberships').select('person_id').where('group_id', '=', event.group).execute();
  const domains = new Set(members.map((row) => domainOf(row.person_id)));
  // Runs before the event's own projection: the person it adds or removes counts either way.
  if (event.type === 'member.added' || event.type === 'member.removed') domains.add(domainOf(event.body.person));
  const payload = JSON.stringify(webhookPayload(event, group, space));
  for (const subscription of wanted) {
    if (!mayReceive(subscription.organisation, group, domains)) continue;
    await trx
      .insertInto('webhook_deliveries')
      .values({
        subscription_id: subscription.id,
        event_id: event.id,
        space_id: event.space,
        group_id: event.group,
        event_type: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: 0,
        last_status: null,
        last_error: null,
        created_at: event.at,
        finished_at: null,
      })
      .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
      .execute();
  }
}
