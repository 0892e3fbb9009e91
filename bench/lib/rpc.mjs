// A tiny request/answer protocol over a child process's IPC channel: the orchestrator drives
// servers and load generators that each run in their own process.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TSX = ['--conditions=source', '--import', 'tsx'];

/** Starts `file` (relative to bench/) in its own Node process; `ts` runs it through tsx. */
export function startWorker(file, { ts = false, args = [], execArgv = [] } = {}) {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const child = fork(path, args, { execArgv: [...(ts ? TSX : []), ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map();
  let next = 0;
  let exited = false;
  child.on('message', (message) => {
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(`${file}: ${message.error}`));
    else pending.resolve(message.result);
  });
  child.on('exit', (code, signal) => {
    exited = true;
    for (const pending of waiting.values()) pending.reject(new Error(`${file} exited (${code ?? signal})`));
    waiting.clear();
  });
  return {
    pid: child.pid,
    call(op, ...params) {
      if (exited) return Promise.reject(new Error(`${file} has exited`));
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, op, params });
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** In a worker: answers the orchestrator's calls with `handlers[op](...params)`. */
export function serve(handlers) {
  process.on('message', async ({ id, op, params }) => {
    try {
      const handler = handlers[op];
      if (!handler) throw new Error(`no operation ${op}`);
      process.send({ id, result: (await handler(...params)) ?? null });
    } catch (error) {
      process.send({ id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
    }
  });
  // An orchestrator that died leaves no orphan behind.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', async () => {
    try {
      await handlers.close?.();
    } finally {
      process.exit(0);
    }
  });
}
