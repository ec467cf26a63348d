import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadOptions } from './read-file.js';

/** One file for a reading thread: its bytes (handed over, not copied), and where to cache what it reads. */
export type ReadTask = {
  id: number;
  file: string;
  bytes: Uint8Array;
  sha256: string;
  opts: ReadOptions;
  key: string;
  cache?: { dir: string; name: string };
};

/** A reading thread's answer: the result as cache-entry bytes, or the file's ReadError, or "read it yourself". */
export type ReadReply = {
  id: number;
  /** The read result as a cache entry (cache.ts), in a memory block of its own, handed over. */
  entry?: Uint8Array;
  /** Written to the cache. */
  stored?: boolean;
  error?: { code: string; file: string; data: Record<string, string | number> };
  /** Big enough to be streamed: the main thread does it (exceljs's streaming reader is unsafe in workers). */
  mainThread?: true;
  /** The file's bytes, handed back with `mainThread`. */
  bytes?: Uint8Array;
};

const WORKER = new URL('./read-worker.js', import.meta.url);

/** Below this much input, starting threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 512 * 1024;

/**
 * How many reading threads for this input: TDKT_WORKERS when set (0 reads on the main thread; tests force
 * either path), else one per core the process may use, never more than the files, and none for a single
 * file or a small input. None either when the worker script is not there (tests run from the sources).
 */
export function workerCount(files: number, bytes: number, env: NodeJS.ProcessEnv, cores = availableParallelism(), script = existsSync(fileURLToPath(WORKER))): number {
  if (!script) return 0;
  const forced = env.TDKT_WORKERS;
  if (forced !== undefined && forced.trim() !== '' && Number.isInteger(Number(forced)) && Number(forced) >= 0) return Math.min(Number(forced), files);
  if (files < 2 || bytes < PARALLEL_MIN_BYTES) return 0;
  return Math.min(cores, files);
}

type Slot = { worker: Worker; ready: boolean; task?: { task: ReadTask; resolve: (r: ReadReply) => void; reject: (e: Error) => void } };

/**
 * A fixed set of reading threads fed from one queue. A thread that dies is not replaced. If it had started,
 * the file it was reading is reported unreadable (a hostile file that exhausts a thread must not be tried
 * again on the main thread); if it never started, its file is refused to the caller, who reads it itself.
 */
export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { task: ReadTask; resolve: (r: ReadReply) => void; reject: (e: Error) => void }[] = [];
  private closed = false;

  /** `script`: the thread's module (tests give their own). */
  constructor(size: number, private readonly script: URL = WORKER) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  get size(): number {
    return this.slots.length;
  }

  read(task: ReadTask): Promise<ReadReply> {
    return new Promise((resolve, reject) => {
      if (this.closed || this.slots.length === 0) return reject(new Error('no reading thread'));
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.reject(new Error('closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private start(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, ready: false };
    worker.on('message', (reply: ReadReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const t = slot.task;
      slot.task = undefined;
      t?.resolve(reply);
      this.next();
    });
    const fail = (e: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const t = slot.task;
      slot.task = undefined;
      if (t && slot.ready) t.resolve({ id: t.task.id, error: { code: 'E_CORRUPT_FILE', file: t.task.file, data: { detail: `reading thread stopped: ${e.message}`.slice(0, 200) } } });
      else t?.reject(e);
      if (this.slots.length === 0) for (const q of this.queue.splice(0)) q.reject(e);
      else this.next();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`reading thread stopped (${code})`));
    });
    return slot;
  }

  private next(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const q = this.queue.shift();
      if (!q) return;
      slot.task = q;
      const bytes = q.task.bytes;
      slot.worker.postMessage(q.task, [bytes.buffer as ArrayBuffer]);
    }
  }
}

/** The bytes in an ArrayBuffer of their own: only that can be handed over without a copy (small Buffers share a pool). */
export function ownBuffer(bytes: Buffer): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return new Uint8Array(bytes.buffer, 0, bytes.length);
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  return own;
}
