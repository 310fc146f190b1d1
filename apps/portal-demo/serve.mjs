// Serves the assembled portal demo on localhost: `PORT` (default 4173).
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('./dist/', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const server = await startStaticServer(root, port);
console.log(`Stratex portal demo: http://localhost:${server.address().port}/`);
