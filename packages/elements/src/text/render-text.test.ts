import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { renderText, type RenderTextOptions } from './render-text.js';

function rendered(source: string, options?: RenderTextOptions): HTMLElement {
  const container = document.createElement('div');
  render(renderText(source, options), container);
  return container;
}

const DANGEROUS = 'script, iframe, object, embed, svg, math, img, style, form, input, textarea, base, meta, link';

function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll(DANGEROUS), 'no element from user text').to.have.length(0);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.localName}[${attribute}]`).to.equal(false);
    }
  }
  for (const anchor of container.querySelectorAll('a')) {
    expect(['http:', 'https:', 'mailto:']).to.include(new URL(anchor.href).protocol);
  }
}

describe('renderText', () => {
  it('renders formatting as elements and leaves textContent equal to what a reader sees', () => {
    const container = rendered('Hello **team** and *you*:\n`npm test`\n\n- one\n- two\n\n3. three\n\n```\n<b>code</b>\n```');
    expect(container.querySelector('p strong')!.textContent).to.equal('team');
    expect(container.querySelector('p em')!.textContent).to.equal('you');
    expect(container.querySelector('p code')!.textContent).to.equal('npm test');
    expect(container.querySelector('p br')).to.exist;
    expect([...container.querySelectorAll('ul > li')].map((item) => item.textContent)).to.deep.equal(['one', 'two']);
    expect(container.querySelector('ol')!.getAttribute('start')).to.equal('3');
    expect(container.querySelector('pre code')!.textContent).to.equal('<b>code</b>');
    expect(container.querySelector('b'), 'code is text').to.equal(null);
    expect(container.textContent).to.equal('Hello team and you:npm testonetwothree<b>code</b>');
  });

  it('renders safe links with rel, target and the URL as title', () => {
    const container = rendered('[plan](https://example.com/plan) and https://example.org.');
    const anchors = [...container.querySelectorAll('a')];
    expect(anchors).to.have.length(2);
    for (const anchor of anchors) {
      expect(anchor.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
      expect(anchor.getAttribute('target')).to.equal('_blank');
      expect(anchor.title).to.equal(anchor.getAttribute('href'));
    }
    expect(anchors[0]!.getAttribute('href')).to.equal('https://example.com/plan');
    expect(anchors[1]!.textContent).to.equal('https://example.org');
    expect(container.textContent).to.equal('plan and https://example.org.');
  });

  it('renders other schemes as plain text', () => {
    const source = '[a](javascript:window.__xss=1) javascript:window.__xss=2 [b](data:text/html,<script>x</script>)';
    const container = rendered(source);
    expect(container.querySelectorAll('a')).to.have.length(0);
    expect(container.textContent).to.equal(source);
    expectInert(container);
  });

  it('shows the real destination beside a label that names another one', () => {
    const container = rendered('[bank.example](https://evil.example/login)', {
      linkDestinationTitle: (destination) => `Goes to ${destination}`,
    });
    const hint = container.querySelector('[part~="link-destination"]')!;
    expect(hint.textContent).to.equal(' (evil.example)');
    expect(hint.getAttribute('title')).to.equal('Goes to evil.example');
  });

  it('reveals every invisible character in a link label, and reordering controls everywhere', () => {
    const container = rendered('[\u202Egoogle.com](https://evil.example) pay\u200Bpal and txt.\u202Eexe', {
      invisibleTitle: (code) => `Invisible character ${code}`,
    });
    const anchor = container.querySelector('a')!;
    expect(anchor.textContent).to.equal('U+202Egoogle.com');
    expect(anchor.textContent).to.not.match(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    const marks = [...container.querySelectorAll('[part~="invisible-char"]')];
    expect(marks.map((mark) => mark.textContent)).to.deep.equal(['U+202E', 'U+202E']);
    expect(marks[0]!.getAttribute('title')).to.equal('Invisible character U+202E');
    // A zero-width space in running text is kept (it is harmless there and some scripts need it).
    expect(container.textContent).to.contain('pay\u200Bpal');
    expect(container.textContent).to.not.contain('\u202E');
  });

  it('renders mentions through the callback, as text by default', () => {
    expect(rendered('hi @ana@seller.example').textContent).to.equal('hi @ana@seller.example');
    const container = rendered('hi @ana@seller.example', {
      mention: (id) => html`<span class="chip" data-id=${id}>Ana</span>`,
    });
    expect(container.querySelector('.chip')!.getAttribute('data-id')).to.equal('ana@seller.example');
  });

  it('never turns markup into elements, whatever the formatting around it', () => {
    const sources = [
      '<img src=x onerror="window.__xss=1">',
      '**<script>window.__xss=1</script>**',
      '*<svg onload="window.__xss=1">*',
      '`<iframe src="javascript:window.__xss=1">`',
      '- <math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
      '```\n<style>*{display:none}</style>\n```',
      '[<img src=x onerror=window.__xss=1>](https://example.com)',
      'https://example.com/"><svg/onload=window.__xss=1>',
    ];
    for (const source of sources) {
      const container = rendered(source);
      document.body.append(container);
      expectInert(container);
      container.remove();
    }
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });
});
