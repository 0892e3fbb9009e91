import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOrganisation, type TestOrganisation } from '../testing/test-organisation.js';
import { kyselyOf } from '../webhooks/kysely-of.js';

describe('the email and locale claims of embed tokens', () => {
  let org: TestOrganisation;
  const settingsWith = async (person: string, claims: { email?: string; locale?: string }) => {
    const response = await fetch(`${org.url}/api/me/notifications`, { headers: { Authorization: `Bearer ${await org.token(person, claims)}` } });
    assert.equal(response.status, 200);
    return (await response.json()) as { emailKnown: boolean; email?: string; locale: string };
  };

  before(async () => {
    org = await startTestOrganisation();
  });
  after(() => org?.close());

  it('keeps one plain address and a language Mutual speaks', async () => {
    assert.deepEqual(await settingsWith('ana@seller.test', { email: 'ana.lima@mail.seller.test', locale: 'fr-CA' }), {
      mode: 'immediate',
      locale: 'fr',
      emailKnown: true,
      email: 'ana.lima@mail.seller.test',
    });
    // A later token with another address replaces it.
    assert.equal((await settingsWith('ana@seller.test', { email: 'ana@mail.seller.test' })).email, 'ana@mail.seller.test');
  });

  it('ignores what could smuggle other recipients or headers, and unknown languages', async () => {
    for (const email of ['Ana <ana@x.test>', 'ana@x.test, eve@evil.test', 'ana@x.test\r\nBcc: eve@evil.test', 'no-at-sign', `${'a'.repeat(250)}@x.test`]) {
      assert.equal((await settingsWith('bob@seller.test', { email })).emailKnown, false, email);
    }
    assert.equal((await settingsWith('bob@seller.test', { locale: 'de-DE' })).locale, 'en');
  });

  it('keeps the language a person picked over what their tokens say, after a restart too', async () => {
    const carla = 'carla@seller.test';
    assert.equal((await settingsWith(carla, { email: 'carla@mail.seller.test', locale: 'en-GB' })).locale, 'en');
    const token = await org.token(carla, { email: 'carla@mail.seller.test', locale: 'en-GB' });
    const picked = await fetch(`${org.url}/api/me/notifications`, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ locale: 'fr' }) });
    assert.equal(picked.status, 200);
    // The same token again, and tokens this process has not seen (as after a restart): still French.
    assert.equal((await settingsWith(carla, { email: 'carla@mail.seller.test', locale: 'en-GB' })).locale, 'fr');
    assert.equal((await settingsWith(carla, { email: 'carla.new@mail.seller.test', locale: 'en-US' })).locale, 'fr');
    const row = await kyselyOf(org.server.store).selectFrom('notification_settings').select('locale').where('person_id', '=', carla).executeTakeFirst();
    assert.equal(row?.locale, 'fr');
    // Someone who never picked still follows their tokens.
    assert.equal((await settingsWith('dan@seller.test', { locale: 'fr' })).locale, 'fr');
    assert.equal((await settingsWith('dan@seller.test', { locale: 'en' })).locale, 'en');
  });
});
