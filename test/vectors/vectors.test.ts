/**
 * Checks every vector of vectors.json against the real implementation (@mutual/protocol): the
 * verdict must be exactly the one recorded, `"valid"` or the error's stable `code`.
 *
 *   node --conditions=source --import tsx --test test/vectors/vectors.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import {
  bodyHash,
  canonicalJson,
  createEmbedTokenVerifier,
  eventId,
  FEDERATION_PROTOCOL,
  isMutualError,
  termsHash,
  verifyAgreementSignature,
  verifyEventProof,
  verifyInvitation,
  verifyMembershipClaim,
  verifyServerRequest,
  type AgreementTerms,
  type EventDraft,
  type GroupEvent,
} from '@mutual/protocol';
import { VECTOR_KINDS, type Vectors } from './format.js';

const vectors = JSON.parse(readFileSync(new URL('./vectors.json', import.meta.url), 'utf8')) as Vectors;

function keys(name: string): JWTVerifyGetKey {
  const set = vectors.keySets[name];
  assert.ok(set, `no key set named ${name}`);
  return createLocalJWKSet(set);
}

const clockAt = (instant: string) => {
  const ms = Date.parse(instant);
  assert.ok(Number.isFinite(ms), `not an instant: ${instant}`);
  return () => ms;
};

/** Runs a verification and asserts its verdict; returns what a valid one returned. */
async function assertVerdict(expect: string, verify: () => Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await verify();
  } catch (error) {
    assert.ok(isMutualError(error), `expected ${expect}, got a non-Mutual error: ${String(error)}`);
    assert.equal(error.code, expect, `expected ${expect}, got ${error.code} (${error.message})`);
    return undefined;
  }
  assert.equal('valid', expect, `expected ${expect}, but it verified`);
  return value;
}

/** The members of `expected` are in `actual` with the same values. */
function assertIncludes(actual: unknown, expected: Record<string, unknown> | undefined) {
  if (!expected) return;
  for (const [member, value] of Object.entries(expected)) {
    assert.deepEqual((actual as Record<string, unknown>)[member], value, `result.${member}`);
  }
}

describe('test vectors: the file', () => {
  it(`speaks ${FEDERATION_PROTOCOL}`, () => {
    assert.equal(vectors.protocol, FEDERATION_PROTOCOL);
  });

  it('holds at least one vector of each kind', () => {
    for (const kind of VECTOR_KINDS) {
      assert.ok(Array.isArray(vectors[kind]) && vectors[kind].length > 0, `no ${kind} vectors`);
    }
  });

  it('holds valid and invalid artefacts of each signed kind', () => {
    for (const kind of ['embedTokens', 'serverRequests', 'membershipClaims', 'invitations', 'eventProofs', 'agreementSignatures'] as const) {
      const verdicts = vectors[kind].map((vector) => vector.expect);
      assert.ok(verdicts.includes('valid'), `no valid ${kind}`);
      assert.ok(verdicts.some((verdict) => verdict !== 'valid'), `no invalid ${kind}`);
    }
  });

  it('gives every vector a unique name within its kind', () => {
    for (const kind of VECTOR_KINDS) {
      const names = vectors[kind].map((vector) => vector.name);
      assert.equal(new Set(names).size, names.length, `duplicate names in ${kind}`);
    }
  });
});

describe('test vectors: canonical JSON', () => {
  for (const vector of vectors.canonicalJson) {
    it(vector.name, () => {
      assert.equal(canonicalJson(JSON.parse(vector.input)), vector.output);
    });
  }
});

describe('test vectors: event ids', () => {
  for (const vector of vectors.eventIds) {
    it(vector.name, async () => {
      const { space, group, type, author, at, body } = vector.draft;
      assert.equal(canonicalJson({ space, group, type, author, at, body }), vector.canonical);
      assert.equal(await eventId(vector.draft as EventDraft), vector.id);
    });
  }
});

describe('test vectors: body hashes', () => {
  for (const vector of vectors.bodyHashes) {
    it(vector.name, async () => {
      assert.equal(await bodyHash(vector.body), vector.hash);
      assert.equal(await bodyHash(new TextEncoder().encode(vector.body)), vector.hash);
    });
  }
});

describe('test vectors: embed tokens', () => {
  for (const vector of vectors.embedTokens) {
    it(`${vector.name} → ${vector.expect}`, async () => {
      const verify = createEmbedTokenVerifier({
        audience: vector.audience,
        hostApps: [{ issuer: vector.hostApp.issuer, organisation: vector.hostApp.organisation, keys: keys(vector.hostApp.keys) }],
        clock: clockAt(vector.at),
      });
      assertIncludes(await assertVerdict(vector.expect, () => verify(vector.token)), vector.result);
    });
  }
});

describe('test vectors: server requests', () => {
  for (const vector of vectors.serverRequests) {
    it(`${vector.name} → ${vector.expect}`, async () => {
      const pinned = new Map(vector.peers.map((peer) => [peer.origin, keys(peer.keys)]));
      const result = await assertVerdict(vector.expect, () =>
        verifyServerRequest({
          token: vector.token,
          audience: vector.audience,
          method: vector.method,
          path: vector.path,
          body: new TextEncoder().encode(vector.body),
          keysOf: (issuer) => pinned.get(issuer),
          clock: clockAt(vector.at),
        }),
      );
      assertIncludes(result, vector.result);
    });
  }
});

describe('test vectors: membership claims', () => {
  for (const vector of vectors.membershipClaims) {
    it(`${vector.name} → ${vector.expect}`, async () => {
      const result = await assertVerdict(vector.expect, () =>
        verifyMembershipClaim(vector.token, { issuer: vector.issuer, audience: vector.audience, keys: keys(vector.keys), clock: clockAt(vector.at) }),
      );
      assertIncludes(result, vector.result);
    });
  }
});

describe('test vectors: invitations', () => {
  for (const vector of vectors.invitations) {
    it(`${vector.name} → ${vector.expect}`, async () => {
      const result = await assertVerdict(vector.expect, () => verifyInvitation(vector.token, { clock: clockAt(vector.at) }));
      assertIncludes(result, vector.result);
    });
  }
});

describe('test vectors: event proofs', () => {
  for (const vector of vectors.eventProofs) {
    it(`${vector.name} → ${vector.expect}`, async () => {
      await assertVerdict(vector.expect, () => verifyEventProof(vector.event as GroupEvent, vector.proof, vector.home, keys(vector.keys)));
    });
  }
});

describe('test vectors: agreement signatures', () => {
  for (const vector of vectors.agreementSignatures) {
    it(`${vector.name} → ${vector.expect}`, async () => {
      const terms = vector.terms as unknown as AgreementTerms;
      assert.equal(await termsHash(terms), vector.termsHash);
      await assertVerdict(vector.expect, () => verifyAgreementSignature(terms, vector.signature, vector.domain, keys(vector.keys)));
    });
  }
});
