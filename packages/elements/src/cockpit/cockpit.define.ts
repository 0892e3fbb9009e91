import { MutualDeciderCockpit } from './cockpit.js';

export { MutualDeciderCockpit };

// Defining twice (two bundles on one page) would throw; the first definition wins.
if (!customElements.get('mutual-decider-cockpit')) customElements.define('mutual-decider-cockpit', MutualDeciderCockpit);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-decider-cockpit': MutualDeciderCockpit;
  }
}
