import type { MutualConnection } from '../connection/connection.js';
import type { LiveStatus } from '../connection/live-stream.js';

/** Fired by `<mutual-space>` when its live stream changes status. */
export class MutualConnectionChangeEvent extends Event {
  static readonly eventName = 'mutual-connection-change';

  readonly status: LiveStatus;
  readonly connection: MutualConnection;

  constructor(status: LiveStatus, connection: MutualConnection) {
    super(MutualConnectionChangeEvent.eventName, { bubbles: true, composed: true });
    this.status = status;
    this.connection = connection;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-connection-change': MutualConnectionChangeEvent;
  }
}
