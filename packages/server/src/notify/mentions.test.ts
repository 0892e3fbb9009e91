import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../config/config.js';
import { hostLink } from './links.js';
import { mentionsIn } from './mentions.js';

describe('mentionsIn', () => {
  it('finds each @name@domain once, lower-cased, as the feed shows them', () => {
    assert.deepEqual(mentionsIn('Thanks @Dana@Buyer.test and @sam@seller.test, cc @dana@buyer.test.'), ['dana@buyer.test', 'sam@seller.test']);
  });

  it('ignores addresses and mentions glued to words', () => {
    assert.deepEqual(mentionsIn('write to bob@ana@x.example or ana@seller.test; x@dana@buyer.test; @dana@buyer.test_x'), []);
  });

  it('ignores what the feed shows as code, a link or a URL, and look-alike letters', () => {
    for (const text of [
      'Use `@ana@seller.example` to mention',
      '```\nping @ana@seller.example\n```',
      '[@ana@seller.example](https://x.example)',
      'see https://x.example/@ana@seller.example',
      'mailto:@ana@seller.example',
      '@\u212Ana@seller.example',
    ]) {
      assert.deepEqual(mentionsIn(text), [], JSON.stringify(text));
    }
    assert.deepEqual(mentionsIn('`code` then @ana@seller.example and ``a ` b`` @sam@seller.example'), ['ana@seller.example', 'sam@seller.example']);
    assert.deepEqual(mentionsIn('an unclosed ` before @ana@seller.example'), ['ana@seller.example']);
  });
});

describe('host link templates', () => {
  const hostApps = [
    { issuer: 'https://intranet', origins: ['https://intranet.example'], jwks: { keys: [{}] }, links: { space: 'https://intranet.example/deals/{space}', group: 'https://intranet.example/deals/{space}/g/{group}' } },
    { issuer: 'https://portal', origins: ['https://portal.example'], jwks: { keys: [{}] }, links: { space: 'https://portal.example/e/{space}' } },
    { issuer: 'https://bare', origins: ['https://bare.example'], jwks: { keys: [{}] } },
  ];

  it('uses the person’s host app, else the first with templates, and encodes the ids', () => {
    assert.equal(hostLink(hostApps, 'https://portal', 'acme 2027', 'acme.plan'), 'https://portal.example/e/acme%202027');
    assert.equal(hostLink(hostApps, 'https://intranet', 'acme', 'acme.plan'), 'https://intranet.example/deals/acme/g/acme.plan');
    assert.equal(hostLink(hostApps, 'https://bare', 'acme'), 'https://intranet.example/deals/acme');
    assert.equal(hostLink([hostApps[2]!], 'https://bare', 'acme'), undefined);
  });

  it('are checked in the config: http(s) only, {space} required', () => {
    const config = (links: unknown) => ({
      organisation: { domain: 'seller.test', name: 'Seller' },
      hostApps: [{ issuer: 'https://intranet', origins: ['https://intranet.example'], jwks: { keys: [{}] }, links }],
    });
    assert.ok(parseConfig(config({ space: 'https://intranet.example/deals/{space}' })));
    assert.throws(() => parseConfig(config({ space: 'javascript:alert(1)//{space}' })), /links\.space/);
    assert.throws(() => parseConfig(config({ space: 'https://intranet.example/deals' })), /must contain \{space\}/);
  });
});
