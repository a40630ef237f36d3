// `npm run dev`: the API with restart-on-change (tsx watch) on :3000 and Vite with hot module
// reload on :5173, which proxies /api to the API. Open http://localhost:5173.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const children = [
  spawn(process.execPath, [bin('tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'src/server/main.ts'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [bin('vite/bin/vite.js'), '--port', '5173', '--strictPort'], { cwd: root, stdio: 'inherit' }),
];
console.log('TalentBridge dev: web with hot reload at http://localhost:5173 (API at http://localhost:3000)');
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
