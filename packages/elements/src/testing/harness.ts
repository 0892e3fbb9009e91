/**
 * Client side of the test harness: the test page's own origin serves two endpoints that create a
 * fresh space on a real Mutual server and sign real embed tokens (see the root test config).
 * Test-only: never imported by the elements.
 */

export type GroupName = 'plan' | 'proof' | 'steering' | 'internal';
export type PersonName = 'ana' | 'bob' | 'carla';

/**
 * A fresh space: ana is in every group, bob in plan and proof, carla in plan only. The plan group
 * already holds a post by ana with a reply by bob, and a post by dora@buyer.test.
 */
export interface SpaceFixture {
  server: string;
  space: string;
  groups: Record<GroupName, string>;
  people: Record<PersonName, string>;
}

async function postJson<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? '{}' : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function createSpaceFixture(): Promise<SpaceFixture> {
  return postJson<SpaceFixture>('/__mutual/fixture');
}

export async function embedToken(person: string, ttlSeconds?: number): Promise<string> {
  const body = ttlSeconds === undefined ? { person } : { person, ttlSeconds };
  return (await postJson<{ token: string }>('/__mutual/token', body)).token;
}

/** A token provider for `person` that counts how often it was asked. */
export function tokenProviderFor(person: string, ttlSeconds?: number): (() => Promise<string>) & { calls: number } {
  const provider = Object.assign(
    async () => {
      provider.calls++;
      return embedToken(person, ttlSeconds);
    },
    { calls: 0 },
  );
  return provider;
}

export interface FetchCall {
  url: string;
  method: string;
  body: string | undefined;
}

/**
 * Wraps `window.fetch` to record every call; it still calls the real fetch unless `intercept`
 * returns a promise to use instead. `restore()` puts the real one back.
 */
export function spyOnFetch(intercept?: (call: FetchCall) => Promise<Response> | undefined): {
  calls: FetchCall[];
  restore(): void;
} {
  const real = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const call: FetchCall = { url, method, body: typeof init?.body === 'string' ? init.body : undefined };
    calls.push(call);
    return intercept?.(call) ?? real.call(window, input, init);
  };
  return { calls, restore: () => void (window.fetch = real) };
}

/** Generous limits: these tests talk to a real server and a real live stream. */
export const WAIT = { timeout: 10_000, interval: 25 };
