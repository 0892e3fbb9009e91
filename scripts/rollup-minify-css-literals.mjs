// A rollup plugin that minifies the CSS inside Lit's css`…` literals of our own sources: terser
// sees them as strings and keeps every space and comment. Literals with ${…} are left alone.
// TypeScript prints the tag as `css \``, with a space.
const CSS_LITERAL = /\bcss\s*`([^`$\\]*)`/g;

export function minifyCssLiterals() {
  return {
    name: 'mutual-minify-css-literals',
    transform(code, id) {
      if (!id.includes('/packages/elements/src/') || !CSS_LITERAL.test(code)) return null;
      CSS_LITERAL.lastIndex = 0;
      const minified = code.replace(CSS_LITERAL, (_, text) => `css\`${minifyCss(text)}\``);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
