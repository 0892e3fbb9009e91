export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * A minimal text/event-stream reader for tests: opens the stream with headers (tokens never go in
 * URLs), collects messages, and lets a test await the first message matching a predicate.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly #controller = new AbortController();
  #waiters: Array<{ match: (message: SseMessage) => boolean; resolve: (message: SseMessage) => void }> = [];
  #done: Promise<void> = Promise.resolve();
  status = 0;

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers, signal: client.#controller.signal });
    client.status = response.status;
    if (response.ok && response.body) client.#done = client.#read(response.body).catch(() => {});
    return client;
  }

  async #read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { id: undefined, event: 'message', data: '' };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(value);
          else if (field === 'event') message.event = value;
          else if (field === 'id') message.id = value;
        }
        if (data.length === 0 && message.event === 'message') continue;
        message.data = data.join('\n');
        this.messages.push(message);
        this.#waiters = this.#waiters.filter((waiter) => {
          if (!waiter.match(message)) return true;
          waiter.resolve(message);
          return false;
        });
      }
    }
  }

  /** The first message (already received or to come) that matches, or a rejection after `ms`. */
  next(match: (message: SseMessage) => boolean, ms = 5_000): Promise<SseMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching SSE message within ${ms} ms`)), ms);
      this.#waiters.push({
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  }

  /** Parsed `group-event` payloads received so far. */
  groupEvents<T = { event: { group: string; type: string; body: Record<string, unknown> } }>(): T[] {
    return this.messages.filter((m) => m.event === 'group-event').map((m) => JSON.parse(m.data) as T);
  }

  async close() {
    this.#controller.abort();
    await this.#done;
  }
}
