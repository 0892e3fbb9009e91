// The custom-elements manifest (packages/elements/custom-elements.json) is generated from the
// elements' JSDoc: @summary, @event, @slot, @csspart, @cssproperty on each element class.
// `npm run docs:elements` turns it into docs/elements/*.md.

/** Keeps the manifest to the public API: no `_private` state, no anonymous events. */
function publicApiOnly() {
  return {
    name: 'mutual-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const isPublic = (member) => !member.name?.startsWith('_') && !member.name?.startsWith('#') && member.privacy !== 'private' && member.privacy !== 'protected';
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter(isPublic);
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('mutual-'));
        }
      }
    },
  };
}

/**
 * Modules in path order: the analyzer lists them in the order the file system gives, which differs
 * between machines, so a build would otherwise rewrite the committed manifest for nothing.
 */
function modulesInPathOrder() {
  return {
    name: 'mutual-modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', 'packages/elements/src/testing/**'],
  outdir: 'packages/elements',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [publicApiOnly(), modulesInPathOrder()],
};
