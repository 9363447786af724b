// Runs a bench server in its own process so that client-side timing (the feed section) is not
// queued behind the server's work on one event loop. Prints one JSON line: {"base": ..., "warmMs": ...}.
//   node --import tsx bench/lib/serve-child.ts full
import { generateDataset, type DatasetSize } from '../../api-mock/src/dataset/index.js';
import { startBenchServer } from './bench-server.js';

const size = (process.argv[2] ?? 'full') as DatasetSize;
const server = await startBenchServer({ dataset: generateDataset({ size }) });
process.stdout.write(`${JSON.stringify({ base: server.base, warmMs: server.warmMs })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent going away (crash, ^C) must not leave this server behind.
process.stdin.on('end', stop);
process.stdin.resume();
