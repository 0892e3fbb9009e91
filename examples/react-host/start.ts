// node --import tsx examples/react-host/start.ts — the React host page with a real Mutual server.
import { startReactHostDemo } from './demo.js';

const demo = await startReactHostDemo();
console.log(`React host: ${demo.url}  (Mutual server: ${demo.organisation.url}); Ctrl+C to stop`);
process.once('SIGINT', () => void demo.close().then(() => process.exit(0)));
