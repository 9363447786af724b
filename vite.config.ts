import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';
import { sandboxDatasetPlugin } from './api-mock/src/vite-plugin-dataset.js';

const root = import.meta.dirname;

// One config for the demo (playground + constructor pages, served by scripts/start.ts)
// and for the unit tests. The widget library builds live in scripts/build-widget.ts.
export default defineConfig({
  root,
  // Relative asset URLs: the built site (and its static sandbox demo) works under any sub-path, e.g. GitHub Pages.
  base: './',
  publicDir: resolve(root, 'api-mock/public'),
  appType: 'mpa',
  // sandbox/dataset-small.json for the static demo (emitted by the build, served in dev).
  plugins: [sandboxDatasetPlugin()],
  build: {
    outDir: resolve(root, 'dist/site'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        playground: resolve(root, 'index.html'),
        widget: resolve(root, 'widget/index.html'),
        'widget-track': resolve(root, 'widget/track.html'),
        constructor: resolve(root, 'constructor/index.html'),
        'sandbox-demo': resolve(root, 'api-mock/demo/index.html'),
      },
    },
  },
  test: {
    include: ['{widget,constructor,api-mock,scripts}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
