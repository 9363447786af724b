import { defineConfig, devices } from '@playwright/test';

// End-to-end journeys in real Chromium. Playwright's browser download cannot work on
// our machines, so we drive Debian's chromium (scripts/ensure-chromium.sh installs it).
const port = Number(process.env.E2E_PORT ?? 5199);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // A stray test.only would run a subset and pass. `npm test` (scripts/test-all.mjs) passes --forbid-only
  // too; plain `npx playwright test` allows .only outside CI, for focusing while developing.
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: reportDir ? [['list'], ['json', { outputFile: `${reportDir}/e2e.json` }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /\.mobile\.spec\.ts$/ },
    { name: 'mobile', use: { ...devices['Pixel 7'], channel: undefined }, testMatch: /\.mobile\.spec\.ts$/ },
  ],
  webServer: {
    // Same server as `npm start`, with the small dataset so the suite stays quick.
    command: 'npx tsx scripts/start.ts',
    url: `http://127.0.0.1:${port}/api/v1/configs/demo`,
    env: { PORT: String(port), HOST: '127.0.0.1', DATASET: 'small' },
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
  },
});
