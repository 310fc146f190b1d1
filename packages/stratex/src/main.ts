import { relative } from 'node:path';
import { packStratex } from './pack';

// `npm run pack`: the tarball and the embed zip, from the last `npm run build`.
const packed = packStratex();
for (const file of [packed.tarball, packed.embedZip]) console.log(relative(process.cwd(), file));
