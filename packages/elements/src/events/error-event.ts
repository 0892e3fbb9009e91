import type { MutualApiError, MutualApiErrorCode } from '../connection/api-error.js';

/** What the widget was doing when it failed. */
export type MutualOperation = 'load' | 'load-older' | 'post' | 'reply' | 'react' | 'stream' | 'create-task' | 'update-task' | 'move-task' | 'settings';

/**
 * Fired when a call to the Mutual server fails, so the host can log it or show its own notice.
 * The widget shows the failure itself as well; this event needs no handler.
 */
export class MutualErrorEvent extends Event {
  static readonly eventName = 'mutual-error';

  readonly operation: MutualOperation;
  /** Stable code to switch on (see {@link MutualApiErrorCode}). */
  readonly code: MutualApiErrorCode;
  readonly error: MutualApiError;

  constructor(operation: MutualOperation, error: MutualApiError) {
    super(MutualErrorEvent.eventName, { bubbles: true, composed: true });
    this.operation = operation;
    this.code = error.code;
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-error': MutualErrorEvent;
  }
}
