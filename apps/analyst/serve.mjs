// Serves the built workbench on localhost: `PORT` (default 4174).
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../portal-demo/static-server.mjs';

const root = fileURLToPath(new URL('./dist/', import.meta.url));
const port = Number(process.env.PORT ?? 4174);
const server = await startStaticServer(root, port);
console.log(`Stratex analyst workbench: http://localhost:${server.address().port}/`);
