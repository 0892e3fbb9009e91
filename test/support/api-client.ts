import type { TestOrganisation } from '@mutual/server/testing';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

/** The client API of one organisation's server, as one of its people. */
export function apiAs(org: TestOrganisation, person: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${org.url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await org.token(person)}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body: unknown) => call<T>('POST', path, body),
    patch: <T = any>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}
