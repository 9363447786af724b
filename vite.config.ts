import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

const root = import.meta.dirname;

// One config for the demo (playground + constructor pages, served by scripts/start.ts)
// and for the unit tests. The widget library builds live in scripts/build-widget.ts.
export default defineConfig({
  root,
  publicDir: resolve(root, 'api-mock/public'),
  appType: 'mpa',
  build: {
    outDir: resolve(root, 'dist/site'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        playground: resolve(root, 'index.html'),
        widget: resolve(root, 'widget/index.html'),
        constructor: resolve(root, 'constructor/index.html'),
      },
    },
  },
  test: {
    include: ['{widget,constructor,api-mock,scripts}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
