// Write a file atomically: a temp file in the same folder, then rename over the target.
// A crash mid-write leaves the previous file intact (rename is atomic on POSIX).
import path from 'node:path';
import type { Fs } from '../io.js';

export async function writeAtomic(fs: Fs, file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
