// The floor a validator cannot beat: read every file in the folder and sha256 it.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';

const dir = process.argv[2];
if (!dir) throw new Error('usage: floor.js DIR');
const names = (await readdir(dir)).filter((n) => n.endsWith('.txt'));
let bytes = 0;
await pMap(
  names,
  async (n) => {
    const b = await readFile(path.join(dir, n));
    bytes += b.length;
    createHash('sha256').update(b).digest('hex');
  },
  { concurrency: 16 },
);
process.stdout.write(`${names.length} files, ${bytes} bytes\n`);
