// Vite plugin: the sandbox dataset as a static JSON file, so the service-worker sandbox needs no server.
// `vite build` emits it as an asset (never committed: it is generated from the seed on every build);
// the dev server answers the same URL from memory. The file is the packed form (dataset-pack.ts).
import type { Plugin } from 'vite';
import type { DatasetSize } from './dataset/index.js';
import { datasetFileName, packDataset } from './dataset-pack.js';

export { datasetFileName };

export interface SandboxDatasetPluginOptions {
  /** Default "small" (4,700 points: what a static page can reasonably download). */
  size?: DatasetSize;
  seed?: number;
  /** Path inside the build output (and under the dev server's base). Default `datasetFileName(size)`. */
  fileName?: string;
}

/** The packed dataset as JSON text, exactly what the plugin serves and emits. */
export async function buildDatasetJson(options: { size: DatasetSize; seed?: number }): Promise<string> {
  // Imported here, not at the top: loading vite.config (also for vitest) must not pull in GeoNames.
  const { generateDataset } = await import('./dataset/index.js');
  return JSON.stringify(packDataset(generateDataset(options)));
}

export function sandboxDatasetPlugin(options: SandboxDatasetPluginOptions = {}): Plugin {
  const size = options.size ?? 'small';
  const fileName = options.fileName ?? datasetFileName(size);
  // Generated once per process, on first need (a build or the first dev request), not at config load.
  let json: Promise<string> | undefined;
  const source = () => (json ??= buildDatasetJson({ size, ...(options.seed !== undefined ? { seed: options.seed } : {}) }));
  let urlPath = `/${fileName}`;

  return {
    name: 'branch-picker:sandbox-dataset',
    configResolved(config) {
      // A relative base ("./") is served from the root in dev.
      const base = config.base.startsWith('/') ? config.base : '/';
      urlPath = `${base.replace(/\/?$/, '/')}${fileName}`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== urlPath || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        source().then(
          (body) => {
            res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: await source() });
    },
  };
}
