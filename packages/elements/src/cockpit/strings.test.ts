import { expect } from '@open-wc/testing';
import { formatDay } from './format.js';
import { cockpitCatalogs, en, workstreamName } from './strings.js';
import { fr } from './strings.fr.js';

// Pure: no server. The element tests check the same strings as rendered.

const NNBSP = '\u202f';

describe('cockpit strings', () => {
  it('has the same entries in English and French', () => {
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
    expect(Object.keys(fr.workstreamNames).sort()).to.deep.equal(Object.keys(en.workstreamNames).sort());
    expect(Object.keys(cockpitCatalogs)).to.deep.equal(['en', 'fr']);
  });

  it('counts down to the decision, on the day, and after it', () => {
    const say = (strings: typeof en, days: number | undefined) => {
      const { value, label } = strings.countdown(days);
      return value === undefined ? label : `${value} ${label}`;
    };
    expect(say(en, 80)).to.equal('80 days to decision');
    expect(say(en, 1)).to.equal('1 day to decision');
    expect(say(en, 0)).to.equal('Decision due today');
    expect(say(en, -1)).to.equal('1 day past the decision date');
    expect(say(en, -12)).to.equal('12 days past the decision date');
    expect(say(en, 1234)).to.equal('1,234 days to decision');
    expect(say(en, undefined)).to.equal('No decision date set');

    expect(say(fr, 80)).to.equal('80 jours avant la décision');
    expect(say(fr, 1)).to.equal('1 jour avant la décision');
    expect(say(fr, 0)).to.equal('Décision attendue aujourd’hui');
    expect(say(fr, -12)).to.equal('12 jours après la date de décision');
    expect(say(fr, 1234)).to.equal(`1${NNBSP}234 jours avant la décision`);
  });

  it('names the workstreams as the design brief does, and makes custom ones readable', () => {
    const names = (strings: typeof en) =>
      ['proof', 'implementation', 'success-criteria', 'business-case', 'contract', 'plan'].map((slug) => workstreamName(strings, slug));
    expect(names(en)).to.deep.equal(['Proof', 'Implementation plan', 'Success criteria', 'Business case', 'Contract & terms', 'Overall plan']);
    expect(names(fr)).to.deep.equal([
      'Preuve',
      'Plan de mise en œuvre',
      'Indicateurs de succès',
      'Justification économique',
      'Contrats et conditions',
      'Planning d’ensemble',
    ]);
    expect(workstreamName(en, 'data-migration')).to.equal('Data migration');
  });

  it('follows each language’s plural rules', () => {
    expect(en.blockedCount(0)).to.equal('0 blocked');
    expect(en.progressText(1, 3)).to.equal('1 of 3 done');
    expect(en.activity(1, 2)).to.equal('1 post · 2 task changes');
    expect(fr.blockedCount(0)).to.equal('0 bloquée');
    expect(fr.blockedCount(1)).to.equal('1 bloquée');
    expect(fr.blockedCount(2)).to.equal('2 bloquées');
    expect(fr.progressText(2, 3)).to.equal('2 sur 3 terminées');
    expect(fr.activity(0, 1)).to.equal('0 message · 1 modification de tâche');
  });

  it('writes calendar days in UTC, with the year only when it is not the current one', () => {
    expect(formatDay('2027-03-31', 'en', 'long')).to.equal('March 31, 2027');
    expect(formatDay('2027-03-31', 'fr', 'long')).to.equal('31 mars 2027');
    expect(formatDay('2027-03-31', 'en', 'short', 2027)).to.equal('Mar 31');
    expect(formatDay('2027-01-02', 'en', 'short', 2026)).to.equal('Jan 2, 2027');
    expect(formatDay('not a day', 'en')).to.equal('not a day');
  });
});
