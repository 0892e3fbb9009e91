// The buyer's portal (Northwind Manufacturing, Lyon), in French. It talks only to the buyer's
// own Mutual server; the seller's server is never contacted from its pages.
import type { SigningKey } from '@mutual/protocol';
import { createHostApp, type HostPerson } from '../../shared/host-app.js';

export interface PortalOptions {
  origin: string;
  mutualOrigin: string;
  signingKey: SigningKey;
  bundlePath: string;
  people: readonly HostPerson[];
  space: { id: string; title: string };
}

export function createPortal(options: PortalOptions) {
  return createHostApp({
    ...options,
    brand: { company: 'Northwind', kind: 'portail achats', lang: 'fr', stylesheet: new URL('../public/site.css', import.meta.url) },
  });
}
