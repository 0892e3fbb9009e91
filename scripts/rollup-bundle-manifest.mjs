// A rollup plugin that writes which chunks each entry imports at once (`imports`, everything a page
// downloads before the element works) and which it loads on demand (`dynamicImports`).
export function bundleManifest(fileName) {
  return {
    name: 'mutual-bundle-manifest',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[name] = { entry: output.isEntry, imports: output.imports, dynamicImports: output.dynamicImports };
      }
      this.emitFile({ type: 'asset', fileName, source: `${JSON.stringify(chunks, null, 2)}\n` });
    },
  };
}
