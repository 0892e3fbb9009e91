import { css } from 'lit';

export const spaceStyles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }
`;
