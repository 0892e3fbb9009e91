import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from './config.js';

const base = { organisation: { domain: 'seller.test', name: 'Seller' } };
const hostApp = (keys: object) => ({ ...base, hostApps: [{ issuer: 'https://intranet.seller.test', origins: ['https://intranet.seller.test'], ...keys }] });
const smtpOf = (smtp: object) => parseConfig({ ...base, notifications: { smtp: { host: 'smtp.seller.test', ...smtp } } }).notifications.smtp!;

describe('server config', () => {
  it('takes a host app’s key set over https, or plain http from this machine only', () => {
    for (const url of ['https://intranet.seller.test/.well-known/jwks.json', 'http://127.0.0.1:8080/jwks.json', 'http://localhost/jwks.json']) {
      assert.equal(parseConfig(hostApp({ jwksUrl: url })).hostApps[0]!.jwksUrl, url);
    }
    for (const url of ['http://intranet.seller.test/jwks.json', 'https://user:secret@intranet.seller.test/jwks.json', 'ftp://intranet.seller.test/jwks.json', 'not a url']) {
      assert.throws(() => parseConfig(hostApp({ jwksUrl: url })), /hostApps\.0\.jwksUrl: an https:\/\/ URL/, url);
    }
  });

  it('requires STARTTLS whenever a password would be sent, unless told otherwise', () => {
    const auth = { user: 'mutual', pass: 'secret' };
    assert.equal(smtpOf({ auth }).requireTLS, true, 'auth over port 587: TLS required');
    assert.equal(smtpOf({}).requireTLS, false, 'no password: STARTTLS when offered');
    assert.equal(smtpOf({ auth, secure: true, port: 465 }).requireTLS, false, 'TLS from the first byte already');
    assert.equal(smtpOf({ auth, ignoreTLS: true }).requireTLS, false, 'a local relay, said so');
    assert.equal(smtpOf({ auth, requireTLS: false }).requireTLS, false, 'said so');
    assert.equal(smtpOf({ requireTLS: true }).requireTLS, true);
  });
});
