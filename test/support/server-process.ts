import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importJWK, type CryptoKey } from 'jose';
import { signEmbedToken } from '@mutual/protocol';
import { generateKeys, type GeneratedKeyPair } from '@mutual/server';

const cli = fileURLToPath(new URL('../../packages/server/src/cli/mutual.ts', import.meta.url));
const node = (args: string[]) => [process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args]] as const;
/** The environment without DATABASE_URL: each process uses exactly the database its config names. */
const childEnv = () => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
};

export interface ServerProcessOptions {
  /** Several processes of one organisation: a distinct name for each config file. */
  name?: string;
  /** The organisation's public origin, when it is not this process's own address. */
  origin?: string;
  /** e.g. `{ url: 'postgres://…', schema: 'x' }` instead of the SQLite file. */
  database?: { url?: string; schema?: string; file?: string };
  /** Share the host app's key between processes of one organisation. */
  hostKeys?: GeneratedKeyPair;
}

/** One organisation's Mutual server as its own OS process, run and administered by the `mutual` CLI. */
export class ServerProcess {
  readonly domain: string;
  readonly configFile: string;
  readonly databaseFile: string;
  readonly url: string;
  readonly issuer: string;
  readonly hostKeys: GeneratedKeyPair;
  child: ChildProcess | undefined;

  private constructor(domain: string, folder: string, port: number, hostKeys: GeneratedKeyPair, options: ServerProcessOptions) {
    this.domain = domain;
    this.url = `http://127.0.0.1:${port}`;
    this.issuer = `https://intranet.${domain}`;
    this.hostKeys = hostKeys;
    const name = options.name ?? domain;
    this.configFile = join(folder, `${name}.json`);
    this.databaseFile = join(folder, `${domain}.db`);
    this.origin = options.origin ?? this.url;
    writeFileSync(
      this.configFile,
      JSON.stringify({
        organisation: { domain, name: domain, origin: this.origin },
        listen: { host: '127.0.0.1', port },
        database: options.database ?? { file: this.databaseFile },
        hostApps: [{ issuer: this.issuer, jwks: hostKeys.publicJwks, origins: ['http://127.0.0.1:9'] }],
        federation: { retry: { initialMs: 50, maxMs: 1000 }, pollMs: 100 },
      }),
    );
  }

  /** The public origin peers and tokens use (a load balancer's, when several processes serve it). */
  readonly origin: string;

  static async create(domain: string, folder: string, port: number, options: ServerProcessOptions = {}): Promise<ServerProcess> {
    return new ServerProcess(domain, folder, port, options.hostKeys ?? (await generateKeys('EdDSA')), options);
  }

  /** Starts `mutual serve` and resolves once it listens. */
  start(): Promise<void> {
    const [command, args] = node(['serve', '-c', this.configFile]);
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'inherit'], env: childEnv() });
    this.child = child;
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('listening on')) resolve();
      });
      child.once('exit', (code, signal) => reject(new Error(`${this.domain} exited (${code ?? signal}) before listening:\n${out}`)));
    });
  }

  /** SIGKILL: no clean-up of any kind, as in a power cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /**
   * Runs an admin command against this organisation's database; resolves with what it printed.
   * Asynchronous on purpose: a test's own servers (a load balancer…) keep running meanwhile.
   */
  admin(...args: string[]): Promise<string> {
    const [command, argv] = node([...args, '-c', this.configFile]);
    const child = spawn(command, [...argv], { env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve, reject) => {
      child.on('close', (code) => {
        // Long arguments are invitations and other secrets: never repeat them in a message.
        const shown = args.map((arg) => (arg.length > 40 ? `${arg.slice(0, 8)}…` : arg)).join(' ');
        if (code === 0) resolve(stdout);
        else reject(new Error(`mutual ${shown} failed: ${stderr.trim()}`));
      });
    });
  }

  async token(person: string): Promise<string> {
    const privateKey = (await importJWK(this.hostKeys.privateJwk, 'EdDSA')) as CryptoKey;
    return signEmbedToken({ issuer: this.issuer, audience: this.origin, person, privateKey, kid: this.hostKeys.kid, alg: 'EdDSA' });
  }
}
