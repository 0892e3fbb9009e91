import { expect } from '@open-wc/testing';
import type { Member } from './member-directory.js';
import { foldForSearch, insertMention, matchMembers, mentionQueryAt } from './mentions.js';

const member = (id: string, name: string): Member => ({ id, name, organisation: id.split('@')[1]!, role: 'member' });
const MEMBERS = [
  member('ana@seller.example', 'Ana Lima'),
  member('eloise@buyer.example', 'Éloïse Martin'),
  member('bob@seller.example', 'Bob Martin'),
  member('dora@buyer.example', 'Dora Weiss'),
];

describe('mention helpers', () => {
  it('finds the @query before the caret, only at a word start', () => {
    expect(mentionQueryAt('Hi @an', 6)).to.deep.equal({ start: 3, query: 'an' });
    expect(mentionQueryAt('@', 1)).to.deep.equal({ start: 0, query: '' });
    expect(mentionQueryAt('(@bob@sel', 9)).to.deep.equal({ start: 1, query: 'bob@sel' });
    expect(mentionQueryAt('Hi @an and more', 6), 'caret inside').to.deep.equal({ start: 3, query: 'an' });
    expect(mentionQueryAt('mail bob@x', 10), 'an e-mail address').to.equal(undefined);
    expect(mentionQueryAt('Hi @an ', 7), 'after a space').to.equal(undefined);
    expect(mentionQueryAt(`${'x'.repeat(50_000)} @an`, 50_004), 'a long draft').to.deep.equal({ start: 50_001, query: 'an' });
  });

  it('matches names without accents or case, words and ids, best first', () => {
    expect(foldForSearch('Éloïse')).to.equal('eloise');
    expect(matchMembers(MEMBERS, 'elo', 'fr').map((found) => found.id)).to.deep.equal(['eloise@buyer.example']);
    expect(matchMembers(MEMBERS, 'mart', 'en').map((found) => found.name)).to.deep.equal(['Bob Martin', 'Éloïse Martin']);
    expect(matchMembers(MEMBERS, 'dora@', 'en').map((found) => found.id)).to.deep.equal(['dora@buyer.example']);
    expect(matchMembers(MEMBERS, '', 'en').map((found) => found.name)).to.deep.equal(['Ana Lima', 'Bob Martin', 'Dora Weiss', 'Éloïse Martin']);
    expect(matchMembers(MEMBERS, '', 'en', 2)).to.have.length(2);
    expect(matchMembers(MEMBERS, 'zz', 'en')).to.deep.equal([]);
  });

  it('replaces the query with @id and a space, and puts the caret after it', () => {
    expect(insertMention('Hi @an', { start: 3, query: 'an' }, 6, 'ana@seller.example')).to.deep.equal({
      value: 'Hi @ana@seller.example ',
      caret: 23,
    });
    expect(insertMention('Hi @an how', { start: 3, query: 'an' }, 6, 'ana@seller.example')).to.deep.equal({
      value: 'Hi @ana@seller.example how',
      caret: 23,
    });
  });
});
