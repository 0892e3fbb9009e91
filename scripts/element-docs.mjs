// Writes docs/elements/<tag>.md for every custom element in the manifest: what a host page needs
// to embed and style it. Generated: edit the JSDoc in packages/elements/src, not these files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();
const table = (head, rows) =>
  rows.length === 0 ? '_None._\n' : `| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')}\n`;

mkdirSync('docs/elements', { recursive: true });
const index = [];
for (const module of manifest.modules) {
  for (const element of (module.declarations ?? []).filter((d) => d.customElement && d.tagName)) {
    const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static);
    const text = `# \`<${element.tagName}>\`

${element.summary ?? ''}

${element.description ?? ''}

Class \`${element.name}\`, defined by \`${module.path.replace('packages/elements/', '').replace(/\.ts$/, '.define.ts')}\`.

## Attributes
${table(['attribute', 'property', 'type', 'default', 'description'], (element.attributes ?? []).map((a) => [`\`${a.name}\``, a.fieldName ?? '', a.type?.text ?? '', a.default ?? '', a.description ?? '']))}
## Properties
${table(['property', 'type', 'description'], fields.map((f) => [`\`${f.name}\``, f.type?.text ?? '', f.description ?? '']))}
## Events
${table(['event', 'type', 'description'], (element.events ?? []).map((e) => [`\`${e.name}\``, e.type?.text ?? '', e.description ?? '']))}
## Slots
${table(['slot', 'description'], (element.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? '']))}
## CSS parts
${table(['part', 'description'], (element.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description ?? '']))}
## CSS custom properties
${table(['property', 'description'], (element.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description ?? '']))}`;
    writeFileSync(`docs/elements/${element.tagName}.md`, text);
    index.push(`- [\`<${element.tagName}>\`](${element.tagName}.md) — ${cell(element.summary)}`);
  }
}
writeFileSync('docs/elements/README.md', `# Elements\n\nGenerated from \`packages/elements/custom-elements.json\` by \`npm run docs:elements\`.\n\n${index.sort().join('\n')}\n`);
console.log(`docs/elements: ${index.length} elements`);
