/**
 * Time is injected, never read from the wall clock inside logic, so tests can move it.
 * A clock returns milliseconds since the epoch.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** Clock tolerance for every token check, stated once (seconds). */
export const CLOCK_TOLERANCE_SECONDS = 60;
