// A lean SSE reader over node:http (no fetch/undici overhead), for bench clients.
import { request } from 'node:http';

/** Opens an SSE stream; calls onMessage({event, id, data}) per message. Resolves when headers arrive. */
export function openSse(url, token, onMessage, { agent } = {}) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, agent: agent ?? false, headers: { accept: 'text/event-stream', ...(token && { authorization: `Bearer ${token}` }) } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message = { event: 'message', id: undefined, data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('data:')) message.data += line.slice(line[5] === ' ' ? 6 : 5);
              else if (line.startsWith('event:')) message.event = line.slice(6).trim();
              else if (line.startsWith('id:')) message.id = line.slice(3).trim();
            }
            if (message.data) onMessage(message);
          }
        });
        resolve({ close: () => req.destroy(), response: res });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
