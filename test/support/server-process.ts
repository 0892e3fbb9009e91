import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importJWK, type CryptoKey } from 'jose';
import { signEmbedToken } from '@mutual/protocol';
import { generateKeys, type GeneratedKeyPair } from '@mutual/server';

const cli = fileURLToPath(new URL('../../packages/server/src/cli/mutual.ts', import.meta.url));
const node = (args: string[]) => [process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args]] as const;

/** One organisation's Mutual server as its own OS process, run and administered by the `mutual` CLI. */
export class ServerProcess {
  readonly domain: string;
  readonly configFile: string;
  readonly databaseFile: string;
  readonly url: string;
  readonly issuer: string;
  readonly hostKeys: GeneratedKeyPair;
  child: ChildProcess | undefined;

  private constructor(domain: string, folder: string, port: number, hostKeys: GeneratedKeyPair) {
    this.domain = domain;
    this.url = `http://127.0.0.1:${port}`;
    this.issuer = `https://intranet.${domain}`;
    this.hostKeys = hostKeys;
    this.configFile = join(folder, `${domain}.json`);
    this.databaseFile = join(folder, `${domain}.db`);
    writeFileSync(
      this.configFile,
      JSON.stringify({
        organisation: { domain, name: domain, origin: this.url },
        listen: { host: '127.0.0.1', port },
        database: { file: this.databaseFile },
        hostApps: [{ issuer: this.issuer, jwks: hostKeys.publicJwks, origins: ['http://127.0.0.1:9'] }],
        federation: { retry: { initialMs: 50, maxMs: 1000 }, pollMs: 100 },
      }),
    );
  }

  static async create(domain: string, folder: string, port: number): Promise<ServerProcess> {
    return new ServerProcess(domain, folder, port, await generateKeys('EdDSA'));
  }

  /** Starts `mutual serve` and resolves once it listens. */
  start(): Promise<void> {
    const [command, args] = node(['serve', '-c', this.configFile]);
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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

  /** Runs an admin command against this organisation's database; returns what it printed. */
  admin(...args: string[]): string {
    const [command, argv] = node([...args, '-c', this.configFile]);
    const result = spawnSync(command, [...argv], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`mutual ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  async token(person: string): Promise<string> {
    const privateKey = (await importJWK(this.hostKeys.privateJwk, 'EdDSA')) as CryptoKey;
    return signEmbedToken({ issuer: this.issuer, audience: this.url, person, privateKey, kid: this.hostKeys.kid, alg: 'EdDSA' });
  }
}
