// A real SMTP server in its own process, for tests: it accepts every message on 127.0.0.1, parses
// it with mailparser and reports it to the parent over IPC. It answers the SMTP client only once
// the parent has acknowledged the report, so a sender that saw its message accepted knows the
// test has it too. With SINK_FAIL_FIRST=n it answers the first n messages with a temporary failure
// (451), to exercise retries.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

let failuresLeft = Number(process.env.SINK_FAIL_FIRST ?? 0);
let reports = 0;
const acknowledged = new Map<number, () => void>();
process.on('message', (message: { type: string; id: number }) => {
  if (message.type === 'ack') acknowledged.get(message.id)?.();
});

/** Sends a report to the parent and resolves once the parent has recorded it. */
function report(message: Record<string, unknown>): Promise<void> {
  const id = ++reports;
  return new Promise((resolve) => {
    acknowledged.set(id, () => {
      acknowledged.delete(id);
      resolve();
    });
    process.send!({ ...message, id });
  });
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  banner: 'mutual test sink',
  onData(stream, session, callback) {
    simpleParser(stream).then(
      async (mail) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          await report({ type: 'refused' });
          callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          return;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of mail.headers) headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
        await report({
          type: 'mail',
          mail: {
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: mail.from?.text ?? '',
            to: Array.isArray(mail.to) ? mail.to.map((to) => to.text).join(', ') : (mail.to?.text ?? ''),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            headers,
          },
        });
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send!({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

process.on('disconnect', () => server.close(() => process.exit(0)));
