import { MutualGroupFeed } from './feed.js';

export { MutualGroupFeed };

// Defining twice (two bundles on one page) would throw; the first definition wins.
if (!customElements.get('mutual-group-feed')) customElements.define('mutual-group-feed', MutualGroupFeed);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-group-feed': MutualGroupFeed;
  }
}
