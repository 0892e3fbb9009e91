// Builds the browser bundles: minified ES modules with Lit inside, each loaded by a host page with a
// single <script type="module">.
import { existsSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { bundleManifest } from './scripts/rollup-bundle-manifest.mjs';
import { minifyCssLiterals } from './scripts/rollup-minify-css-literals.mjs';

const typescriptForElements = () =>
  typescript({
    tsconfig: 'packages/elements/tsconfig.json',
    include: ['packages/elements/src/**/*.ts', 'packages/protocol/src/**/*.ts'],
    exclude: ['**/*.test.ts', 'packages/elements/src/testing/**'],
    compilerOptions: {
      noEmit: false,
      declaration: false,
      declarationMap: false,
      sourceMap: true,
      outDir: 'packages/elements/dist',
      // Rollup does the resolving and bundling; TypeScript only strips types.
      module: 'ESNext',
      moduleResolution: 'Bundler',
    },
  });

/**
 * One self-contained bundle per entry, so each loads alone with one script tag (one file compresses
 * better than shared chunks would). Only what some pages need is split off and loaded on demand:
 * the French strings. `manifest/<entry>.json` lists those chunks for `npm run size`.
 */
const bundle = (input, file) => ({
  input,
  output: {
    dir: 'packages/elements/dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: file,
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    nodeResolve({ exportConditions: ['source', 'browser', 'production'] }),
    typescriptForElements(),
    minifyCssLiterals(),
    terser({
      ecma: 2022,
      module: true,
      compress: { passes: 3 },
      // Our `_private` members and state are never read from outside a bundle: shorten them.
      // Lit's own `_$`-prefixed internals are left alone.
      mangle: { properties: { regex: /^_(?!\$)/ } },
      format: { comments: false },
    }),
    bundleManifest(`manifest/${file.replace(/\.js$/, '.json')}`),
  ],
  onwarn(warning, warn) {
    // Lit's decorators are compiled by TypeScript; `this` at module top level is harmless there.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
});

const entries = [
  ['packages/elements/src/index.ts', 'mutual-elements.js'],
  ['packages/elements/src/space/space.define.ts', 'mutual-space.js'],
  ['packages/elements/src/feed/feed.define.ts', 'mutual-group-feed.js'],
  ['packages/elements/src/board/board.define.ts', 'mutual-workstream-board.js'],
  ['packages/elements/src/cockpit/cockpit.define.ts', 'mutual-decider-cockpit.js'],
  ['packages/elements/src/notifications/notification-settings.define.ts', 'mutual-notification-settings.js'],
];

// Chunk names carry a content hash: without this, every build would leave the last one's beside it.
rmSync('packages/elements/dist', { recursive: true, force: true });

// Widgets still being written are skipped rather than breaking the build of the others.
export default entries.filter(([input]) => existsSync(input)).map(([input, file]) => bundle(input, file));
