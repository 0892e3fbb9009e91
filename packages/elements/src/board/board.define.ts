import { MutualWorkstreamBoard } from './board.js';

export { MutualWorkstreamBoard };

// Defining twice (two bundles on one page) would throw; the first definition wins.
if (!customElements.get('mutual-workstream-board')) customElements.define('mutual-workstream-board', MutualWorkstreamBoard);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-workstream-board': MutualWorkstreamBoard;
  }
}
