// A small pool of worker threads for the per-file stages: detection and quality rules are
// CPU-bound, so they spread across cores while the main thread reads files.
import { Worker } from 'node:worker_threads';
import type { Config } from './config.js';
import type { FileResult } from './process-file.js';
import type { WorkerTask } from './file-worker.js';

interface Pending {
  resolve(r: FileResult): void;
  reject(e: Error): void;
}

export interface Pool {
  run(path: string, name: string, bytes: Buffer): Promise<FileResult>;
  close(): Promise<void>;
}

export function createPool(size: number, config: Config): Pool {
  const url = new URL('./file-worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(url, { workerData: { config } });
    w.unref();
    return { w, load: 0 };
  });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  for (const slot of workers) {
    slot.w.on('message', (msg: { id: number; result?: FileResult; error?: string }) => {
      slot.load -= 1;
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.result) p.resolve(msg.result);
      else p.reject(new Error(msg.error ?? 'worker failed'));
    });
    slot.w.on('error', (err) => {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(err);
      }
    });
  }
  return {
    run(path, name, bytes) {
      const slot = workers.reduce((a, b) => (b.load < a.load ? b : a));
      slot.load += 1;
      const id = nextId++;
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Promise<FileResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const task: WorkerTask = { id, path, name, bytes: copy };
        slot.w.postMessage(task, [copy.buffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}
