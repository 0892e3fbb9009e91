import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet } from 'jose';
import type { HostApp } from '@mutual/protocol';
import type { HostAppConfig } from '../config/config.js';

/**
 * Turns configured host apps into verifiers' key sources. A remote JWKS is fetched with a timeout,
 * cached, and re-fetched at most every 30 s when an unknown `kid` shows up (jose's cooldown).
 */
export function hostAppsFromConfig(configs: readonly HostAppConfig[], organisation: string): HostApp[] {
  return configs.map((config) => ({
    issuer: config.issuer,
    organisation,
    keys: config.jwks
      ? createLocalJWKSet(config.jwks as JSONWebKeySet)
      : createRemoteJWKSet(new URL(config.jwksUrl!), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
  }));
}
