import type { EventDraft } from '@mutual/protocol';
import type { OutboxItem } from './outbox-store.js';

/** A person's write queued for its group's home: what a `submit` item of the outbox carries. */
export interface SubmittedWrite {
  /** The id its event will have (the `event` of the `202`). */
  event: string;
  draft: EventDraft;
  clientId?: string | undefined;
}

/** The write in a `submit` outbox item, or undefined when the item holds none that reads as one. */
export function submittedWriteOf(item: OutboxItem): SubmittedWrite | undefined {
  if (item.kind !== 'submit' || !item.payload || !item.eventId) return undefined;
  try {
    const { draft, clientId } = JSON.parse(item.payload) as { draft?: EventDraft; clientId?: unknown };
    if (typeof draft?.author !== 'string' || typeof draft.space !== 'string') return undefined;
    return { event: item.eventId, draft, ...(typeof clientId === 'string' && { clientId }) };
  } catch {
    return undefined;
  }
}
