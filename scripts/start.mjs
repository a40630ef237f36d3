// `npm start`: build the web bundle if needed, then run the server in this process (TypeScript
// through tsx, so signals reach the server's own graceful shutdown).
import { register } from 'tsx/esm/api';
import { ensureWebBundle } from './web-bundle.mjs';

ensureWebBundle();
register();
await import('../src/server/main.ts');
