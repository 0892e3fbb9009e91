import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from '@mutual/protocol';

export interface ClockControllerOptions {
  /** How often to re-render, ms. Default 30 s: enough for "5 minutes ago". */
  intervalMs?: number;
  clock?: Clock;
}

/** Re-renders its host now and then so that relative times ("2 minutes ago") stay true. */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #intervalMs: number;
  readonly #clock: Clock;
  #timer: ReturnType<typeof setInterval> | undefined;
  #now: number;

  constructor(host: ReactiveControllerHost, options: ClockControllerOptions = {}) {
    this.#host = host;
    this.#intervalMs = options.intervalMs ?? 30_000;
    this.#clock = options.clock ?? (() => Date.now());
    this.#now = this.#clock();
    host.addController(this);
  }

  /** The time of the current render, ms since the epoch. */
  get now(): number {
    return this.#now;
  }

  hostConnected(): void {
    this.#now = this.#clock();
    clearInterval(this.#timer);
    this.#timer = setInterval(() => {
      this.#now = this.#clock();
      this.#host.requestUpdate();
    }, this.#intervalMs);
  }

  hostUpdate(): void {
    this.#now = this.#clock();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
