import type { HostAppConfig } from '../config/config.js';

/**
 * A link back into the page of the person's host app that shows this space (or group), from the
 * host app's `links` templates. The host app the person last came through wins; otherwise the
 * first one that has templates. No templates: no link.
 */
export function hostLink(hostApps: readonly HostAppConfig[], issuer: string | undefined, space: string, group?: string): string | undefined {
  const app = hostApps.find((candidate) => candidate.issuer === issuer && candidate.links) ?? hostApps.find((candidate) => candidate.links);
  const links = app?.links;
  if (!links) return undefined;
  const template = group && links.group ? links.group : links.space;
  return template.replaceAll('{space}', encodeURIComponent(space)).replaceAll('{group}', encodeURIComponent(group ?? ''));
}
