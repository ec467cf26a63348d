import { parentPort } from 'node:worker_threads';
import { encodeEntry, ReadCache } from './cache.js';
import { ReadError } from './read-error.js';
import { readFile } from './read-file.js';
import { XLSX_READER } from './xlsx.js';
import type { ReadReply, ReadTask } from './parallel.js';

// A reading thread (parallel.ts): reads one workbook at a time (xlsx-parse) and answers with the
// result as the bytes of a cache entry (the normalised records as JSON, never raw rows), handed over without a
// copy; it also writes them to the cache.
// exceljs's streaming reader is never run here: in worker threads it returned `{sharedString: n}` placeholders
// and raw date serials, silently (exceljs #683). A file big enough to be streamed goes back to the main thread.
const port = parentPort;
port?.on('message', (task: ReadTask) => {
  void handle(task).then((reply) => {
    const owned = reply.bytes ?? reply.entry;
    port.postMessage(reply, owned ? [owned.buffer as ArrayBuffer] : []);
  });
});
// Loaded: from now on, a thread that dies was killed by the file it read.
port?.postMessage({ ready: true });

/** One task, as the thread does it (exported for tests). */
export async function handle(task: ReadTask): Promise<ReadReply> {
  const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  if (buf.length > XLSX_READER.streamAboveBytes) return { id: task.id, mainThread: true, bytes: task.bytes };
  try {
    const result = await readFile(task.file, buf, task.opts, task.sha256);
    const entry = encodeEntry(task.key, result);
    const stored = task.cache ? new ReadCache(task.cache.dir).store(task.cache.name, entry) : false;
    return { id: task.id, entry, stored };
  } catch (e) {
    if (e instanceof ReadError) return { id: task.id, error: { code: e.code, file: e.file, data: e.data } };
    return { id: task.id, error: { code: 'E_CORRUPT_FILE', file: task.file, data: { detail: String((e as Error)?.message ?? e).slice(0, 200) } } };
  }
}

