// The static demo (api-mock/demo/): the carrier sandbox runs in the page's service worker, so the built
// site works from plain static files. Worker answers carry `x-sandbox-source: worker`, a header the Node
// sandbox never sets; the second journey drops the API altogether by serving dist/site from a bare
// file server under a sub-path, as GitHub Pages would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import { serveStatic } from '../api-mock/src/static-files.js';
import { pointsList } from './support.js';

const SOURCE_HEADER = 'x-sandbox-source';
const SITE_DIR = resolve(import.meta.dirname, '../dist/site');
const SANDBOX_PATH = /^\/(?:api|carriers|__sandbox)\//;

const isSandboxCall = (r: Response) => SANDBOX_PATH.test(new URL(r.url()).pathname);

/** Every answer to a sandbox URL the page receives, from whichever source. */
function recordSandboxResponses(page: Page): Response[] {
  const seen: Response[] = [];
  page.on('response', (r) => {
    if (isSandboxCall(r)) seen.push(r);
  });
  return seen;
}

function expectAllFromWorker(responses: Response[]): void {
  expect(responses.length).toBeGreaterThan(0);
  for (const r of responses) {
    expect.soft(r.fromServiceWorker(), `${r.url()} from the service worker`).toBe(true);
    expect.soft(r.headers()[SOURCE_HEADER], `${r.url()} ${SOURCE_HEADER}`).toBe('worker');
  }
}

test('the demo page answers the widget from its service worker, not from the sandbox server', async ({ page }) => {
  const responses = recordSandboxResponses(page);
  const firstPoints = page.waitForResponse((r) => isSandboxCall(r) && /\/api\/v1\/(points|tiles)\b/.test(r.url()));
  await page.goto('/api-mock/demo/');
  await expect(page.getByRole('banner')).toContainText("Static demo: the carrier sandbox runs in your browser's service worker");
  await expect(page.getByRole('status').filter({ hasText: 'Sandbox ready' })).toContainText('4,700 test points');
  await expect(pointsList(page).getByRole('option').first()).toBeVisible();

  const first = await firstPoints;
  expect(first.fromServiceWorker()).toBe(true);
  expect(first.headers()[SOURCE_HEADER]).toBe('worker');
  expectAllFromWorker(responses);

  // The same origin's server has the API too, and it never marks its answers.
  const fromServer = await page.request.get('/api/v1/configs/demo');
  expect(fromServer.ok()).toBe(true);
  expect(fromServer.headers()[SOURCE_HEADER]).toBeUndefined();
});

test.describe('on a plain static host under a sub-path', () => {
  let host: Server;
  let origin = '';
  const requested: string[] = [];
  const PREFIX = '/branch-picker';

  test.beforeAll(async () => {
    expect(existsSync(resolve(SITE_DIR, 'api-mock/demo/index.html')), 'dist/site has the static demo (built by the web server)').toBe(true);
    const files = serveStatic(SITE_DIR);
    host = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://host').pathname;
      requested.push(path);
      if (!path.startsWith(`${PREFIX}/`)) {
        res.writeHead(404).end();
        return;
      }
      req.url = req.url!.slice(PREFIX.length);
      files(req, res);
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise<void>((done) => host.close(() => done()));
  });

  test('browsing and search work with no API server at all', async ({ page }) => {
    const responses = recordSandboxResponses(page);
    await page.goto(`${origin}${PREFIX}/api-mock/demo/`);
    await expect(pointsList(page).getByRole('option').first()).toBeVisible();

    // Search runs on the index the worker's page built from the static dataset.
    const search = page.getByRole('combobox', { name: 'Поиск' });
    await search.fill('Moskva');
    await expect(page.getByRole('listbox', { name: 'Подсказки' }).getByRole('option').first()).toContainText('Москва');

    expectAllFromWorker(responses);
    // What reached the host: the page, its assets, the worker script and the dataset; never a sandbox URL.
    expect(requested).toContain(`${PREFIX}/mockServiceWorker.js`);
    expect(requested).toContain(`${PREFIX}/sandbox/dataset-small.json`);
    expect(requested.filter((p) => SANDBOX_PATH.test(p))).toEqual([]);
    // Outside the sub-path only the browser's own favicon probe: nothing of the site assumes "/".
    expect(requested.filter((p) => !p.startsWith(`${PREFIX}/`) && p !== '/favicon.ico')).toEqual([]);
  });
});
