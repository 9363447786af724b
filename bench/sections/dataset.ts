// 1. Dataset generation time. Baseline for small and full: loading the same records from a JSON
// fixture (JSON.parse), i.e. what checking the data in would cost instead of generating it.
// stress (1M records, ~1 GB as JSON, past V8's string limit) is compared with full's throughput:
// a ratio near 1 means generation scales linearly.
import type { DatasetSize } from '../../api-mock/src/dataset/index.js';
import { dataset, timedGeneration } from '../lib/datasets.js';
import type { Section } from '../lib/section.js';
import { median } from '../lib/stats.js';

export const datasetSection: Section = {
  id: 'dataset',
  title: '1. Dataset generation (api-mock generateDataset)',
  async run(report, { quick }) {
    const runs: Record<DatasetSize, number> = { small: quick ? 2 : 5, full: quick ? 1 : 3, stress: 1 };
    let fullRate = NaN;
    for (const size of ['small', 'full', 'stress'] as const) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < runs[size]; i++) {
        const gen = timedGeneration(size);
        times.push(gen.ms);
        count = gen.dataset.branches.length;
      }
      const ms = median(times);
      const rate = count / (ms / 1000);
      let baseline: { label: string; value: number; unit: string; note?: string } | undefined;
      let ratio: number | undefined;
      let ratioMeaning: string | undefined;
      if (size !== 'stress') {
        const { parseMs, bytes } = jsonLoadTime(size);
        baseline = { label: 'JSON.parse of the same records', value: parseMs, unit: 'ms', note: `${(bytes / 1_048_576).toFixed(0)} MB file` };
        ratio = parseMs / ms;
        ratioMeaning = 'vs parsing a fixture (>1 = generating is faster)';
        if (size === 'full') fullRate = rate;
      } else if (Number.isFinite(fullRate)) {
        const expected = count / fullRate * 1000;
        baseline = { label: 'linear extrapolation of full throughput', value: expected, unit: 'ms' };
        ratio = expected / ms;
        ratioMeaning = 'of linear scaling';
      }
      report.add({
        metric: `generate ${size} (${count.toLocaleString('en-US')} points, median of ${times.length})`,
        value: ms, unit: 'ms', baseline, ratio, ratioMeaning,
      });
      report.add({ metric: `generate ${size}: throughput`, value: rate, unit: 'points/s' });
    }
  },
};

function jsonLoadTime(size: DatasetSize): { parseMs: number; bytes: number } {
  const text = JSON.stringify(dataset(size).branches);
  const t = performance.now();
  JSON.parse(text);
  return { parseMs: performance.now() - t, bytes: Buffer.byteLength(text) };
}
