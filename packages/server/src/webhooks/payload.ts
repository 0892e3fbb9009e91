import type { GroupEvent } from '@mutual/protocol';
import type { Selectable } from 'kysely';
import type { GroupsTable, SpacesTable } from '../store/schema.js';

/**
 * The body of a delivery, shaped as Standard Webhooks suggests (`type`, `timestamp`, `data`).
 * `data.event` is the group event itself, as its log holds it.
 */
export interface WebhookPayload {
  type: GroupEvent['type'];
  timestamp: string;
  data: {
    space: { id: string; name: string };
    group: { id: string; name: string; kind: string; workstream?: string; home: string };
    event: Omit<GroupEvent, 'space' | 'group'>;
  };
}

export function webhookPayload(event: GroupEvent, group: Selectable<GroupsTable>, space: Selectable<SpacesTable>): WebhookPayload {
  const { space: _space, group: _group, ...rest } = event;
  return {
    type: event.type,
    timestamp: event.at,
    data: {
      space: { id: space.id, name: space.name },
      group: { id: group.id, name: group.name, kind: group.kind, ...(group.workstream !== null && { workstream: group.workstream }), home: group.home },
      event: rest,
    },
  };
}
