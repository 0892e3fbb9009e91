import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A 64-bit auto-incrementing key: `bigserial` in PostgreSQL, an INTEGER rowid alias in SQLite. */
const serialType = (db: Kysely<unknown>) => (isPostgres(db) ? 'bigserial' : 'integer');
const serialColumn = (db: Kysely<unknown>, column: ColumnDefinitionBuilder) => (isPostgres(db) ? column : column.autoIncrement());

/**
 * Versioned schema migrations, the same for SQLite and PostgreSQL. Never edit a released one:
 * add the next number.
 */
const migrations: Record<string, Migration> = {
  '0001-core': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('spaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('seller', 'text', (c) => c.notNull())
        .addColumn('buyer', 'text', (c) => c.notNull())
        .addColumn('decision_date', 'text')
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('workstream', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('home', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('groups_by_space').on('groups').column('space_id').execute();
      await db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('organisation', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('memberships')
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['group_id', 'person_id'])
        .execute();
      await db.schema.createIndex('memberships_by_person').on('memberships').column('person_id').execute();
      await db.schema
        .createTable('events')
        .addColumn('cursor', serialType(db), (c) => serialColumn(db, c.primaryKey()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addUniqueConstraint('events_group_seq', ['group_id', 'seq'])
        .execute();
      await db.schema.createIndex('events_by_space').on('events').columns(['space_id', 'cursor']).execute();
      await db.schema
        .createIndex('events_by_client_id')
        .on('events')
        .columns(['group_id', 'author', 'client_id'])
        .where(sql.ref('client_id'), 'is not', null)
        .execute();
      await db.schema
        .createTable('entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('cursor', 'integer', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .execute();
      await db.schema.createIndex('entries_feed').on('entries').columns(['group_id', 'parent_id', 'cursor']).execute();
      await db.schema.createIndex('entries_by_parent').on('entries').columns(['parent_id', 'cursor']).execute();
      await db.schema
        .createTable('reactions')
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('emoji', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reactions_pk', ['entry_id', 'person_id', 'emoji'])
        .execute();
      await db.schema
        .createTable('tasks')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('due', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('deliverable', 'text')
        .addColumn('workstream', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tasks_pk', ['group_id', 'id'])
        .execute();
      await db.schema
        .createTable('milestones')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('milestones_pk', ['group_id', 'id'])
        .execute();
    },
  },
  '0002-federation': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('events').addColumn('proof', 'text').execute();
      await db.schema
        .createTable('server_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('alg', 'text', (c) => c.notNull())
        .addColumn('private_jwk', 'text', (c) => c.notNull())
        .addColumn('public_jwk', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('peers')
        .addColumn('domain', 'text', (c) => c.primaryKey())
        .addColumn('origin', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('jwks', 'text', (c) => c.notNull())
        .addColumn('signing_kid', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by', 'text')
        .execute();
      await db.schema
        .createTable('seen_requests')
        .addColumn('jti', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('seen_requests_pk', ['issuer', 'jti'])
        .execute();
      await db.schema.createIndex('seen_requests_by_expiry').on('seen_requests').column('expires_at').execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', serialType(db), (c) => serialColumn(db, c.primaryKey()))
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text')
        .addColumn('event_id', 'text')
        .addColumn('payload', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('failed_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['target', 'failed_at', 'id']).execute();
      await db.schema
        .createTable('held_events')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('proof', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('held_events_pk', ['group_id', 'seq'])
        .execute();
      await db.schema
        .createTable('membership_claims')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('membership_claims_pk', ['group_id', 'person_id'])
        .execute();
      await db.schema
        .createTable('agreements')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('measure', 'text')
        .addColumn('parties', 'text', (c) => c.notNull())
        .addColumn('proposed_by', 'text', (c) => c.notNull())
        .addColumn('proposer_signature', 'text', (c) => c.notNull())
        .addColumn('proposed_at', 'text', (c) => c.notNull())
        .addColumn('countersigned_by', 'text')
        .addColumn('countersignature', 'text')
        .addColumn('countersigned_at', 'text')
        .addPrimaryKeyConstraint('agreements_pk', ['group_id', 'id'])
        .execute();
    },
  },
  '0003-space-positions': {
    // Each space numbers its events in commit order (a row lock on the space serialises the
    // numbering), so a live stream that resumes after position n can never skip an event that
    // committed later with a smaller number — which a global sequence allows under concurrency.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('spaces').addColumn('last_pos', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('events').addColumn('space_pos', 'bigint').execute();
      await sql`update events set space_pos = cursor`.execute(db);
      await sql`update spaces set last_pos = coalesce((select max(space_pos) from events where events.space_id = spaces.id), 0)`.execute(db);
      await db.schema.createIndex('events_by_space_pos').on('events').columns(['space_id', 'space_pos']).unique().execute();
      await db.schema.createIndex('events_by_group_at').on('events').columns(['group_id', 'at']).execute();
    },
  },
  '0004-outbox-leases': {
    // One process at a time drains a peer's queue (order is per peer); a lease that is not
    // renewed expires, so a crashed process does not hold a peer up for long.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('outbox_leases')
        .addColumn('target', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('until', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0005-notifications': {
    // E-mail notifications and calendar feeds of this organisation's own people (notify/, calendar/).
    // Nothing here is ever replicated: addresses and preferences stay on this server.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification_settings')
        .addColumn('person_id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text')
        .addColumn('locale', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('host_app', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('digest_at', 'bigint', (c) => c.notNull())
        .addColumn('digest_cursor', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notification_outbox')
        .addColumn('id', serialType(db), (c) => serialColumn(db, c.primaryKey()))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('space_id', 'text')
        .addColumn('group_id', 'text')
        .addColumn('event_id', 'text')
        .addColumn('task_id', 'text')
        .addColumn('payload', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('leased_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['state', 'next_attempt_at']).execute();
      await db.schema.createIndex('notification_outbox_by_person').on('notification_outbox').columns(['person_id', 'state']).execute();
      await db.schema
        .createTable('calendar_feeds')
        .addColumn('secret_hash', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0006-webhooks-templates': {
    // Webhook subscriptions of this organisation's own systems, the durable delivery queue (a row
    // per subscription and event, written in the event's transaction) with its attempt log, and
    // the space templates admins saved.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation', 'text', (c) => c.notNull())
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text')
        .addColumn('event_types', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_subscriptions_by_space').on('webhook_subscriptions').column('space_id').execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', serialType(db), (c) => serialColumn(db, c.primaryKey()))
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addUniqueConstraint('webhook_deliveries_once', ['subscription_id', 'event_id'])
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema
        .createTable('webhook_attempts')
        .addColumn('delivery_id', 'bigint', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'attempt'])
        .execute();
      await db.schema
        .createTable('space_templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0007-cockpit-figures': {
    // The cockpit's counters, kept in each event's transaction from now on (store/cockpit-projections.ts)
    // and counted here from what exists: engagement per group, UTC day and author, from the log;
    // tasks per group, workstream, status and due date ('' for none), from the tasks. And two
    // partial indexes that hold open and blocked tasks in the cockpit's order (undated last), so
    // the first ten of a list are read without sorting the rest.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('participation_days')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('posts', 'integer', (c) => c.notNull())
        .addColumn('plan_changes', 'integer', (c) => c.notNull())
        .addColumn('last_active', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('participation_days_pk', ['group_id', 'day', 'person_id'])
        .execute();
      await sql`
        insert into participation_days (group_id, day, person_id, posts, plan_changes, last_active)
        select group_id, substr(at, 1, 10), author,
          sum(case when type in ('post', 'reply') then 1 else 0 end),
          sum(case when type in ('post', 'reply') then 0 else 1 end),
          max(at)
        from events
        where type in ('post', 'reply', 'task.created', 'task.updated', 'milestone.set')
        group by group_id, substr(at, 1, 10), author`.execute(db);
      await db.schema
        .createTable('task_counts')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('workstream', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due', 'text', (c) => c.notNull())
        .addColumn('tasks', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_counts_pk', ['group_id', 'workstream', 'status', 'due'])
        .execute();
      await sql`
        insert into task_counts (group_id, workstream, status, due, tasks)
        select group_id, coalesce(workstream, ''), status, coalesce(due, ''), count(*)
        from tasks
        group by group_id, coalesce(workstream, ''), status, coalesce(due, '')`.execute(db);
      // The expression must read exactly as the cockpit's queries write it (kysely-cockpit-store.ts).
      await sql`create index tasks_open_in_order on tasks (group_id, (coalesce(due, '9999-12-31')), title, id) where status <> 'done'`.execute(db);
      await sql`create index tasks_blocked_in_order on tasks (group_id, (coalesce(due, '9999-12-31')), title, id) where status = 'blocked'`.execute(db);
    },
  },
  '0008-locale-chosen': {
    // Whether the person picked their e-mail language themselves (the settings API): then the
    // `locale` of their embed tokens no longer changes it (notify/settings-store.ts).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('notification_settings').addColumn('locale_chosen', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '0009-outbox-by-event': {
    // A widget asks whether the home refused the writes it shows as queued, by their event ids
    // (api/refused-writes.ts), and a feed opened in a group homed elsewhere reads its viewer's
    // queued entries (api/queued-entries.ts): refusals stay in the outbox for good, and a peer
    // that is down leaves a long queue, so both questions need an index.
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('outbox_by_event').on('outbox').columns(['event_id']).execute();
      await db.schema.createIndex('outbox_submits_by_group').on('outbox').columns(['group_id', 'kind', 'failed_at', 'id']).execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
