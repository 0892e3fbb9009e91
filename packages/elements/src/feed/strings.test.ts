import { expect } from '@open-wc/testing';
import { groupDisplayName } from '../i18n/group-names.js';
import { en, feedCatalogs } from './strings.js';
import { fr } from './strings.fr.js';

describe('feed strings', () => {
  it('has the same entries in English and French', () => {
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
    expect(Object.keys(fr.liveStatus).sort()).to.deep.equal(Object.keys(en.liveStatus).sort());
    expect(Object.keys(fr.emojiNames).sort()).to.deep.equal(Object.keys(en.emojiNames).sort());
  });

  it('builds English in and loads French on demand', async () => {
    expect(feedCatalogs.en).to.equal(en);
    expect(await feedCatalogs.fr()).to.equal(fr);
  });

  it('counts through Intl with each language’s plural rules', () => {
    expect(en.newPosts(1)).to.equal('1 new post');
    expect(en.newPosts(1234)).to.equal('1,234 new posts');
    expect(fr.newPosts(1)).to.equal('1 nouvelle publication');
    expect(fr.newPosts(2)).to.equal('2 nouvelles publications');
    expect(fr.newPosts(1234)).to.equal(`${new Intl.NumberFormat('fr').format(1234)} nouvelles publications`);
    expect(fr.reactionButton('cœur', 0, false), 'French says "0 réaction"').to.equal('cœur\u00A0: 0 réaction');
    expect(en.reactionButton('heart', 0, false)).to.equal('heart: 0 reactions');
  });

  it('translates the standard group names, and keeps names people gave', () => {
    expect(groupDisplayName({ kind: 'plan', name: 'Overall plan' }, 'fr')).to.equal('Planning d’ensemble');
    expect(groupDisplayName({ kind: 'steering', name: 'Steering' }, 'fr')).to.equal('Pilotage de l’évaluation');
    expect(groupDisplayName({ kind: 'workstream', workstream: 'business-case', name: 'Business case' }, 'fr')).to.equal(
      'Justification économique',
    );
    expect(groupDisplayName({ kind: 'workstream', workstream: 'contract', name: 'Contract & terms' }, 'fr')).to.equal(
      'Contrats et conditions',
    );
    expect(groupDisplayName({ kind: 'internal', name: 'Internal' }, 'fr')).to.equal('Interne');
    expect(groupDisplayName({ kind: 'workstream', workstream: 'proof', name: 'Pilot at Lyon' }, 'fr'), 'renamed').to.equal(
      'Pilot at Lyon',
    );
    expect(groupDisplayName({ kind: 'workstream', workstream: 'security', name: 'Security' }, 'fr'), 'custom').to.equal(
      'Security',
    );
  });
});
