// A reading thread that starts, then dies on the file it is given (as one exhausted by a hostile file would).
import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ ready: true });
