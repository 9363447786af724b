// npm run points -- check <source...>
//   Validates point sources the way the server loads them and prints counts per carrier and type, rejects by
//   reason, the time zones found, and load time and memory. A source is file:path (or a bare path) or np-api:KEY.
//   --json prints the report as JSON. Exit code 1 when a source is not a points list or nothing valid was found.
import { loadSources } from './load.js';
import { formatReport } from './report-format.js';
import { SourceError } from './source-error.js';
import { namesSources, parseSources } from './source-spec.js';

const USAGE = 'usage: npm run points -- check [--json] <file:path | path | np-api:KEY> ...';
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'check') {
    console.error(USAGE);
    return 2;
  }
  const json = rest.includes('--json');
  const args = rest.filter((a) => a !== '--json');
  if (args.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const sources = parseSources(args.map((a) => (namesSources(a) ? a : `file:${a}`)).join(','), process.env);
  const heapBefore = process.memoryUsage().heapUsed;
  const { report } = await loadSources(sources);
  const mem = process.memoryUsage();
  // A collection during the load can leave the heap smaller than before it: the points then took no measurable room.
  const pointsHeap = Math.max(0, mem.heapUsed - heapBefore);
  if (json) {
    console.log(JSON.stringify({ ...report, heapUsedBytes: pointsHeap, rssBytes: mem.rss }, null, 2));
  } else {
    for (const line of formatReport(report, { reasons: 20, zones: 40 })) console.log(line);
    console.log(`memory: heap ${mb(mem.heapUsed)} (+${mb(pointsHeap)} for the points), rss ${mb(mem.rss)}`);
  }
  return report.points > 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof SourceError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
