import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** What the proxy does to each connection; rates are probabilities in [0, 1]. */
export interface Faults {
  /** Refuse every connection (a network partition). */
  partition: boolean;
  /** Close the connection when a request starts, before forwarding it. */
  drop: number;
  /** Forward only part of the request, then cut both sides (a body cut in the middle). */
  cutRequest: number;
  /** Forward the whole request, then cut before the answer reaches the sender (committed, unanswered). */
  cutResponse: number;
  /** Turn a 2xx answer into a 500 on its way back (committed, answered as failed). */
  answer500: number;
  /** Send a request's bytes again on a fresh connection (a duplicate; only requests sent in one chunk). */
  duplicate: number;
  /** Hold each new connection this long (uniformly up to it) before forwarding: later requests may overtake. */
  maxDelayMs: number;
}

export const NO_FAULTS: Faults = { partition: false, drop: 0, cutRequest: 0, cutResponse: 0, answer500: 0, duplicate: 0, maxDelayMs: 0 };

export interface FaultProxy {
  url: string;
  /** Where traffic goes (the port can be set after the proxy starts, so a server can take its URL as origin). */
  target: number;
  faults: Faults;
  /** How often each fault was applied. */
  counts: Record<Exclude<keyof Faults, 'maxDelayMs'> | 'connections', number>;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that injects faults between two servers: partitions, dropped
 * connections, requests cut mid-body, answers lost after the receiver committed, 2xx rewritten to
 * 500, duplicated requests and random delays (which reorder concurrent requests). `random` is
 * injectable so that a failing run can be replayed.
 */
export async function startFaultProxy(options: { target?: number; faults?: Partial<Faults>; random?: () => number } = {}): Promise<FaultProxy> {
  const random = options.random ?? Math.random;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  const proxy: FaultProxy = {
    url: '',
    target: options.target ?? 0,
    faults: { ...NO_FAULTS, ...options.faults },
    counts: { connections: 0, partition: 0, drop: 0, cutRequest: 0, cutResponse: 0, answer500: 0, duplicate: 0 },
    close: async () => {},
  };
  const roll = (rate: number) => rate > 0 && random() < rate;

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    proxy.counts.connections++;
    if (proxy.faults.partition) {
      proxy.counts.partition++;
      client.destroy();
      return;
    }
    const delay = proxy.faults.maxDelayMs > 0 ? random() * proxy.faults.maxDelayMs : 0;
    // Senders keep connections alive: faults are drawn per request (a chunk that starts one),
    // and apply to that request and its answer.
    let current = { cutResponse: false, answer500: false };
    const cutBoth = (upstream: Socket) => {
      upstream.destroy();
      client.destroy();
    };

    setTimeout(() => {
      const upstream = track(createConnection({ host: '127.0.0.1', port: proxy.target }));
      upstream.once('connect', () => {
        client.on('data', (chunk: Buffer) => {
          const faults = proxy.faults;
          if (faults.partition) {
            proxy.counts.partition++;
            return cutBoth(upstream);
          }
          if (/^[A-Z]+ \//.test(chunk.subarray(0, 12).toString('latin1'))) {
            if (roll(faults.drop)) {
              proxy.counts.drop++;
              return cutBoth(upstream);
            }
            current = { cutResponse: roll(faults.cutResponse), answer500: roll(faults.answer500) };
            const headerEnd = chunk.indexOf('\r\n\r\n');
            if (roll(faults.cutRequest) && headerEnd >= 0 && chunk.length > headerEnd + 8) {
              // Forward the headers and half the body, then cut both ways.
              proxy.counts.cutRequest++;
              upstream.write(chunk.subarray(0, headerEnd + 4 + Math.floor((chunk.length - headerEnd - 4) / 2)), () => cutBoth(upstream));
              return;
            }
            if (roll(faults.duplicate)) {
              // The same request again on its own connection, a little later; its answer is thrown away.
              proxy.counts.duplicate++;
              const copy = Buffer.from(chunk);
              setTimeout(() => {
                const again = track(createConnection({ host: '127.0.0.1', port: proxy.target }));
                again.once('connect', () => again.end(copy));
                again.on('data', () => {});
              }, random() * 20);
            }
          }
          upstream.write(chunk);
        });
        client.on('end', () => upstream.end());
        upstream.on('data', (chunk: Buffer) => {
          if (current.cutResponse) {
            // The receiver has done the work; its answer never arrives.
            proxy.counts.cutResponse++;
            return cutBoth(upstream);
          }
          if (current.answer500 && chunk.subarray(0, 10).toString('latin1') === 'HTTP/1.1 2') {
            proxy.counts.answer500++;
            chunk = Buffer.concat([Buffer.from('HTTP/1.1 500', 'latin1'), chunk.subarray(12)]);
          }
          client.write(chunk);
        });
        upstream.on('end', () => client.end());
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
      upstream.once('error', () => client.destroy());
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
