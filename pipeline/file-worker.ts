// Worker thread: runs the per-file stages on bytes sent by the pool (CPU-bound work).
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.js';
import { processFile } from './process-file.js';

export interface WorkerTask {
  id: number;
  path: string;
  name: string;
  bytes: Uint8Array;
}

const config = (workerData as { config: Config }).config;

parentPort?.on('message', (task: WorkerTask) => {
  try {
    const result = processFile(task.path, task.name, Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), config);
    parentPort?.postMessage({ id: task.id, result });
  } catch (err) {
    parentPort?.postMessage({ id: task.id, error: (err as Error)?.stack ?? String(err) });
  }
});
