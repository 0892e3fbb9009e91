import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A tiny round-robin TCP load balancer on 127.0.0.1, standing in for the reverse proxy in front of
 * an organisation's server processes. A backend that refuses the connection is skipped.
 */
export async function startBalancer(backends: number[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const sockets = new Set<Socket>();
  const connectTo = (client: Socket, tries: number) => {
    const port = backends[next++ % backends.length]!;
    const upstream = createConnection({ host: '127.0.0.1', port });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream).pipe(client);
      client.resume();
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    upstream.on('error', () => {
      // A backend that is down: try the next one, once round the ring.
      if (!connected && tries < backends.length) connectTo(client, tries + 1);
      else client.destroy();
    });
    sockets.add(upstream);
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.on('error', () => {});
    connectTo(client, 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
