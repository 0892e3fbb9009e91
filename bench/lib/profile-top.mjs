// node bench/lib/profile-top.mjs file.cpuprofile [n]: the functions with the most self time.
import { readFileSync } from 'node:fs';

const [file, count = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
let total = 0;
for (const [id, time] of dt) {
  const { callFrame } = byId.get(id);
  const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '~/').replace(/^.*\/work\/main\//, '')}:${callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + time);
  total += time;
}
for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`);
}

// Inclusive time of every function (a function counted once per stack), for "where does a request go".
if (process.argv.includes('--inclusive')) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map();
  for (const [id, time] of dt) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = byId.get(at);
      const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '~/').replace(/^.*\/work\/main\//, '')}:${callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + time);
    }
  }
  console.log('--- inclusive');
  for (const [key, time] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[5] ?? 60))) {
    console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
