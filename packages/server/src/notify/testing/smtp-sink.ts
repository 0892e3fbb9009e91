import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A message as the sink's SMTP server received it, parsed. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface SmtpSink {
  port: number;
  /** Every message accepted so far, in order. */
  readonly messages: ReceivedMail[];
  /** How many messages it refused with a temporary failure. */
  readonly refused: number;
  /** The `notifications.smtp` config that points a Mutual server at this sink. */
  smtp: { host: string; port: number; ignoreTLS: true };
  /** Resolves with the first message (already received or to come) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Starts a real SMTP server (smtp-server) in a child process on 127.0.0.1. */
export async function startSmtpSink(options: { failFirst?: number } = {}): Promise<SmtpSink> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./smtp-sink-process.ts', import.meta.url)), [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, SINK_FAIL_FIRST: String(options.failFirst ?? 0) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let refused = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
    child.on('message', (message: { type: string; id?: number; port?: number; mail?: ReceivedMail }) => {
      if (message.type === 'listening') resolve(message.port!);
      if (message.type === 'refused') refused += 1;
      if (message.type === 'mail') {
        messages.push(message.mail!);
        for (const waiter of waiters) waiter();
      }
      // Recorded: the sink may now answer the SMTP client.
      if (message.id !== undefined) child.send({ type: 'ack', id: message.id });
    });
  });
  return {
    port,
    messages,
    get refused() {
      return refused;
    },
    smtp: { host: '127.0.0.1', port, ignoreTLS: true },
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms (received: ${messages.map((mail) => mail.subject).join(' | ') || 'none'})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
