// 5. Script-tag bundle size: gzip of dist/widget/branch-picker.js plus any CSS it ships, against the
// 80 KB budget and against Leaflet alone (leaflet.js + leaflet.css), the anchor of the budget table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../lib/bench-server.js';
import type { Section } from '../lib/section.js';
import { MAIN_FILE } from '../../widget/src/ondemand-files.js';

const BUDGET_B = 80 * 1024;
/** The script-tag file as the build writes it, relative to the repo root. */
export const WIDGET_SCRIPT_REL = `dist/widget/${MAIN_FILE}`;
export const WIDGET_SCRIPT = join(REPO_ROOT, WIDGET_SCRIPT_REL);

/** gzip -9, as bundle-size tools report it. */
function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export const bundleSection: Section = {
  id: 'bundle',
  title: '5. Script-tag bundle size (gzip -9)',
  async run(report) {
    const leafletDir = join(REPO_ROOT, 'node_modules/leaflet/dist');
    const leaflet = gz(join(leafletDir, 'leaflet.js')) + gz(join(leafletDir, 'leaflet.css'));
    if (!existsSync(WIDGET_SCRIPT)) {
      report.skip('script-tag bundle JS+CSS', `${WIDGET_SCRIPT_REL} missing (run npm run build)`, '<= 80 KB');
      report.note(`anchor: Leaflet alone ${(leaflet / 1024).toFixed(1)} KB gzip`);
      return;
    }
    const dir = join(REPO_ROOT, 'dist/widget');
    // The script tag build ships branch-picker.js and, if the build emits one, its stylesheet.
    const css = readdirSync(dir).filter((f) => /^branch-picker.*\.css$/.test(f));
    const files = [MAIN_FILE, ...css];
    const jsGz = gz(WIDGET_SCRIPT);
    const total = files.reduce((s, f) => s + gz(join(dir, f)), 0);
    const rawJs = readFileSync(WIDGET_SCRIPT).length;
    report.add({
      metric: `script-tag bundle JS+CSS (${files.join(' + ')})`, value: total, unit: 'B',
      baseline: { label: 'Leaflet alone (leaflet.js + leaflet.css)', value: leaflet, unit: 'B' },
      ratio: total / leaflet, ratioMeaning: "Leaflet's size",
      budget: '<= 80 KB', ok: total <= BUDGET_B,
      note: `JS ${(jsGz / 1024).toFixed(1)} KB gzip (${(rawJs / 1024).toFixed(0)} KB minified); everything else is Lit, zod/mini, our code`,
    });
  },
};
