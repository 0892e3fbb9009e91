import { generateKeyPair, exportJWK, createLocalJWKSet, CompactSign, SignJWT } from 'jose';
import { eventId, signEventProof, verifyEventProof, SealedEventSchema, DraftSchema, GroupEventSchema, verifyMembershipClaim, signMembershipClaim, verifyServerRequest, signServerRequest } from '@mutual/protocol';

const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' };
const keys = createLocalJWKSet({ keys: [jwk] });
const key = { kid: 'k1', alg: 'EdDSA' as const, key: privateKey };

// 1. draft with untrimmed text / extra keys accepted by DraftSchema, then stripped by GroupEventSchema
for (const body of [{ text: '  hi  ' }, { text: 'hi', extra: 1 }]) {
  const draft = { space: 'acme', group: 'acme.plan', type: 'post' as const, author: 'bob@buyer.test', at: '2027-01-01T10:00:00.000Z', body };
  const parsedDraft = DraftSchema.parse(draft);
  console.log('draft body kept', JSON.stringify(parsedDraft.body));
  const id = await eventId(parsedDraft as never);
  const event = { ...parsedDraft, id, seq: 1 } as never;
  const proof = await signEventProof(event, 'seller.test', key);
  const received = SealedEventSchema.parse(JSON.parse(JSON.stringify({ event, proof })));
  console.log('received body', JSON.stringify(received.event.body));
  await verifyEventProof(received.event, received.proof, 'seller.test', keys).then(() => console.log('ok'), (e) => console.log('REJECTED', e.code));
}

// 2. forbidden header in an event proof
{
  const draft = { space: 'acme', group: 'acme.plan', type: 'post' as const, author: 'bob@buyer.test', at: '2027-01-01T10:00:00.000Z', body: { text: 'x' } };
  const event = { ...draft, id: await eventId(draft), seq: 1 } as never;
  const proof = await new CompactSign(new TextEncoder().encode(JSON.stringify({ iss: 'seller.test', eid: (event as any).id, grp: 'acme.plan', seq: 1 })))
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'mutual-event+jws', jku: 'https://evil.test/jwks', x5u: 'https://evil' } as never)
    .sign(privateKey);
  await verifyEventProof(event, proof, 'seller.test', keys).then(() => console.log('proof with jku accepted'), (e) => console.log('proof jku rejected', e.code));
  const hs = await new CompactSign(new TextEncoder().encode('{}')).setProtectedHeader({ alg: 'HS256', typ: 'mutual-event+jws' }).sign(new Uint8Array(32));
  await verifyEventProof(event, hs, 'seller.test', keys).then(() => console.log('hs accepted'), (e) => console.log('proof HS256 ->', e.code));
}

// 3. aud array accepted for a membership claim?
{
  const T0 = Date.parse('2027-01-01T10:00:00Z');
  const tok = await new SignJWT({ grp: 'g', spc: 's', role: 'member' }).setProtectedHeader({ alg: 'EdDSA', typ: 'mutual-membership+jwt', kid: 'k1' })
    .setIssuer('https://a').setAudience(['https://b', 'https://c']).setSubject('x@b.test').setJti('j').setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 60).sign(privateKey);
  await verifyMembershipClaim(tok, { issuer: 'https://a', audience: 'https://c', keys, clock: () => T0 }).then(() => console.log('aud array accepted'), (e) => console.log('aud array', e.code));
  const tok2 = await new SignJWT({ grp: 'g', spc: 's', role: 'member', iat: 'x' as never }).setProtectedHeader({ alg: 'EdDSA', typ: 'mutual-membership+jwt', kid: 'k1' })
    .setIssuer('https://a').setAudience('https://c').setSubject('x@b.test').setJti('j').setExpirationTime(T0 / 1000 + 60).sign(privateKey);
  await verifyMembershipClaim(tok2, { issuer: 'https://a', audience: 'https://c', keys, clock: () => T0 }).then(() => console.log('iat string accepted'), (e) => console.log('iat string ->', e.code));
  // empty jti in server request
  const t3 = await new SignJWT({ htm: 'GET', htu: '/x', bh: '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU' }).setProtectedHeader({ alg: 'EdDSA', typ: 'mutual-request+jwt', kid: 'k1' })
    .setIssuer('https://a').setAudience('https://c').setJti('').setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 30).sign(privateKey);
  await verifyServerRequest({ token: t3, audience: 'https://c', method: 'GET', path: '/x', body: new Uint8Array(), keysOf: () => keys, clock: () => T0 }).then((r) => console.log('empty jti accepted', JSON.stringify(r)), (e) => console.log('empty jti', e.code));
  // no kid
  const t4 = await new SignJWT({ htm: 'GET', htu: '/x', bh: '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU' }).setProtectedHeader({ alg: 'EdDSA', typ: 'mutual-request+jwt' })
    .setIssuer('https://a').setAudience('https://c').setJti('j').setIssuedAt(T0 / 1000).setExpirationTime(T0 / 1000 + 30).sign(privateKey);
  await verifyServerRequest({ token: t4, audience: 'https://c', method: 'GET', path: '/x', body: new Uint8Array(), keysOf: () => keys, clock: () => T0 }).then(() => console.log('no kid accepted'), (e) => console.log('no kid', e.code));
}
