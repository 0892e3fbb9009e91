import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), never through a
 * `style` attribute: a host page with a strict Content-Security-Policy (no `'unsafe-inline'`)
 * blocks style attributes — Lit's `styleMap` writes one on first render — but not the CSSOM.
 *
 * Usage: `<div ${cssProps({ '--_at': '40%' })}>`.
 */
class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps goes on an element: <div ${cssProps({...})}>');
  }

  render(_properties: Readonly<Record<string, string | number | undefined>>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string | number | undefined>>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (properties[name] === undefined) style.removeProperty(name);
    this.#previous = new Set();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, String(value));
      this.#previous.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
