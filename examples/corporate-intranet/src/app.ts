// The seller's corporate intranet (Contoso Software). Everything Mutual-specific is in
// ../../shared/host-app.ts; this file is the company's part: its brand, its people, its key.
import type { SigningKey } from '@mutual/protocol';
import { createHostApp, type HostPerson } from '../../shared/host-app.js';

export interface IntranetOptions {
  origin: string;
  mutualOrigin: string;
  signingKey: SigningKey;
  bundlePath: string;
  people: readonly HostPerson[];
  space: { id: string; title: string };
}

export function createIntranet(options: IntranetOptions) {
  return createHostApp({
    ...options,
    brand: { company: 'Contoso', kind: 'intranet', lang: 'en', stylesheet: new URL('../public/site.css', import.meta.url) },
  });
}
