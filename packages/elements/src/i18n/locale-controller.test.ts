import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { formatsFor, LocaleController } from './locale-controller.js';

describe('the tag dates and numbers are formatted with', () => {
  it('is the page’s own tag when it is of the language shown, the language shown otherwise', () => {
    expect(formatsFor('en-GB', 'en')).to.equal('en-GB');
    expect(formatsFor('fr_CA', 'fr')).to.equal('fr-CA');
    expect(formatsFor('EN-gb', 'en')).to.equal('en-GB');
    expect(formatsFor('de-DE', 'en'), 'English words on a German page: English dates').to.equal('en');
    expect(formatsFor('', 'en')).to.equal('en');
    expect(formatsFor(null, 'fr')).to.equal('fr');
    expect(formatsFor('en-not a tag', 'en')).to.equal('en');
  });

  it('follows a change of region on the page, with British dates for a British page', async () => {
    class RegionProbe extends LitElement {
      readonly locale = new LocaleController(this);
      override render() {
        return html`${new Intl.DateTimeFormat(this.locale.formats, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2027, 0, 12))}`;
      }
    }
    customElements.define('region-probe', RegionProbe);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US"><region-probe></region-probe></div>`);
    const probe = wrapper.querySelector('region-probe') as RegionProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Jan 12, 2027');
    wrapper.setAttribute('lang', 'en-GB');
    await new Promise((resolve) => setTimeout(resolve));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('12 Jan 2027');
  });
});
