// Bundles the React host page with esbuild: React (CommonJS) and the Mutual elements (TypeScript
// sources, through the `source` export condition) into one ES module for the browser.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_BUNDLE = `${here}/dist/app.js`;

export async function buildReactHost(outfile: string = DEFAULT_BUNDLE): Promise<string> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [`${here}/src/app.ts`],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${await buildReactHost()}`);
}
