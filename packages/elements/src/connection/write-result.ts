import type { QueuedWrite } from '@mutual/protocol';

/**
 * What a write answers: what it created or changed (`201`/`200`), or, in a group homed on another
 * organisation's server, a {@link QueuedWrite} (`202`): this server holds it durably and the live
 * stream carries it once the home server has placed it.
 */
export type WriteResult<T> = T | QueuedWrite;

/** True when the write was queued for the group's home server rather than applied here. */
export function isQueued<T extends object>(result: WriteResult<T>): result is QueuedWrite {
  // A task has a `status` too, but never this one.
  return 'status' in result && result.status === 'queued';
}

/**
 * Reads a `202` body strictly (no zod in the bundle): the known fields, or undefined when it is not
 * a queued write.
 */
export function toQueuedWrite(body: unknown): QueuedWrite | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { status, event, ref, clientId } = body as Record<string, unknown>;
  if (status !== 'queued' || typeof event !== 'string' || event.length === 0) return undefined;
  if (ref !== undefined && typeof ref !== 'string') return undefined;
  if (clientId !== undefined && typeof clientId !== 'string') return undefined;
  return {
    status,
    event,
    ...(ref !== undefined && { ref }),
    ...(clientId !== undefined && { clientId }),
  };
}
