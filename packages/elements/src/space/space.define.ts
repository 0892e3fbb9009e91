import { MutualSpace } from './space.js';

export { MutualSpace };

// Defining twice (two bundles on one page) would throw; the first definition wins.
if (!customElements.get('mutual-space')) customElements.define('mutual-space', MutualSpace);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-space': MutualSpace;
  }
}
