import type { RequestRecord } from '../store/request-record.js';

/**
 * The replay record of one authenticated server request, until it is stored. The first write the
 * request makes stores it in its own transaction ({@link within}); a request that writes nothing
 * has it stored on its own when it ends (see request-auth.ts). Either way it is stored before the
 * answer leaves.
 */
export class RequestReplay {
  readonly record: RequestRecord;
  #recorded = false;

  constructor(record: RequestRecord) {
    this.record = record;
  }

  get recorded(): boolean {
    return this.#recorded;
  }

  /**
   * Runs a write, handing it the record to store in its transaction unless an earlier write of this
   * request stored it already. The record counts as stored once the write has resolved (committed).
   */
  async within<T>(write: (record: RequestRecord | undefined) => Promise<T>): Promise<T> {
    if (this.#recorded) return write(undefined);
    const value = await write(this.record);
    this.#recorded = true;
    return value;
  }

  /** Marks the record stored by other means (its own write). */
  markRecorded(): void {
    this.#recorded = true;
  }
}
