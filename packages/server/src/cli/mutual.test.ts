import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { importJWK } from 'jose';
import { signEmbedToken } from '@mutual/protocol';
import { createInvitation, startTestOrganisation } from '../testing/test-organisation.js';

const cli = fileURLToPath(new URL('./mutual.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'mutual-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

// These commands use the SQLite file their config names: a DATABASE_URL in the environment (set
// when the PostgreSQL suites run) would otherwise take over.
const env = { ...process.env };
delete env.DATABASE_URL;
const mutual = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], { encoding: 'utf8', env });
/** The same without blocking this process (which may be serving what the command calls), `input` on its standard input. */
function mutualWithInput(input: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('the mutual CLI', () => {
  const config = join(folder, 'mutual.config.json');
  const privateFile = join(folder, 'intranet.jwk.json');

  it('generates a key pair: public JWKS on stdout, private key in a 600 file', () => {
    const result = mutual('keys', 'generate', '--private-out', privateFile, '--kid', 'intranet-1');
    assert.equal(result.status, 0, result.stderr);
    const jwks = JSON.parse(result.stdout);
    assert.equal(jwks.keys[0].kid, 'intranet-1');
    assert.equal(jwks.keys[0].crv, 'Ed25519');
    assert.equal(jwks.keys[0].d, undefined, 'no private part in the public JWKS');
    assert.ok(JSON.parse(readFileSync(privateFile, 'utf8')).d);
    assert.equal(statSync(privateFile).mode & 0o777, 0o600);
    writeFileSync(
      config,
      JSON.stringify({
        organisation: { domain: 'seller.test', name: 'Seller' },
        listen: { host: '127.0.0.1', port: 0 },
        database: { file: './mutual.db' },
        hostApps: [{ issuer: 'https://intranet.seller.test', jwks, origins: ['https://intranet.seller.test'] }],
      }),
    );
  });

  it('creates a space with the standard groups, people and memberships', () => {
    let result = mutual('space', 'create', '-c', config, '--id', 'acme', '--name', 'Acme', '--buyer', 'buyer.test', '--decision-date', '2027-03-31');
    assert.equal(result.status, 0, result.stderr);
    for (const group of ['acme.plan', 'acme.steering', 'acme.proof', 'acme.implementation', 'acme.success-criteria', 'acme.business-case', 'acme.contract', 'acme.internal']) {
      assert.match(result.stdout, new RegExp(group.replace('.', '\\.')));
    }
    result = mutual('person', 'add', '-c', config, '--id', 'ana@seller.test', '--name', 'Ana');
    assert.equal(result.status, 0, result.stderr);
    result = mutual('member', 'add', '-c', config, '--group', 'acme.plan', '--person', 'ana@seller.test', '--role', 'lead');
    assert.equal(result.status, 0, result.stderr);
  });

  it('explains what went wrong, with a code, and exits non-zero', () => {
    const result = mutual('member', 'add', '-c', config, '--group', 'acme.internal', '--person', 'eve@buyer.test');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /forbidden: internal groups hold people of their own organisation only/);
    const missing = mutual('space', 'create', '-c', join(folder, 'nope.json'), '--id', 'x', '--name', 'x', '--buyer', 'b.test');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /ENOENT|no such file/);
  });

  it('serves what the admin commands wrote', async () => {
    const server = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, 'serve', '-c', config], { stdio: ['ignore', 'pipe', 'inherit'], env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const privateJwk = JSON.parse(readFileSync(privateFile, 'utf8'));
      const token = await signEmbedToken({
        issuer: 'https://intranet.seller.test',
        audience: url,
        person: 'ana@seller.test',
        privateKey: (await importJWK(privateJwk, 'EdDSA')) as CryptoKey,
        kid: 'intranet-1',
        alg: 'EdDSA',
      });
      const response = await fetch(`${url}/api/spaces`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      const body = (await response.json()) as any;
      assert.deepEqual(body.spaces[0].groups.map((g: any) => [g.id, g.role]), [['acme.plan', 'lead']]);
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('accepts an invitation read from standard input, so that it shows in neither ps nor the shell history', async () => {
    const inviter = await startTestOrganisation({ domain: 'buyer.test', name: 'Buyer' });
    try {
      const { token } = await createInvitation(inviter.server.federation.deps);
      const acceptor = join(folder, 'acceptor.config.json');
      // Its own database: the acceptor pins the inviter, and the origin peers would call it back at.
      writeFileSync(acceptor, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), organisation: { domain: 'seller.test', name: 'Seller', origin: 'http://127.0.0.1:9' }, database: { file: './acceptor.db' } }));
      const result = await mutualWithInput(`${token}\n`, 'peer', 'accept', '-c', acceptor, '--invitation', '-');
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /peered with Buyer \(buyer\.test\)/);
      assert.ok(await inviter.server.store.peers.getPeer('seller.test'), 'the inviter pinned the acceptor');
    } finally {
      await inviter.close();
    }
  });
});
