import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../../widget/src/model/index.js';
import { createTestSandbox } from '../node.js';
import { FIXTURE_DATASET } from '../test-support/fixture.js';
import { api, getJson, type FeedError } from '../test-support/http.js';

const { server } = createTestSandbox({ dataset: FIXTURE_DATASET });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describe('widget configs', () => {
  it('serves the seeded demo config', async () => {
    const { status, body } = await getJson<WidgetConfig>('/api/v1/configs/demo');
    expect(status).toBe(200);
    expect(body.id).toBe('demo');
  });

  it('creates a config with a new id, then reads it back', async () => {
    const config: WidgetConfig = { name: 'Shop', carriers: ['russian-post'], types: ['parcel_locker'], lang: 'uk', zoom: 10 };
    const created = await getJson<WidgetConfig>('/api/v1/configs', json(config));
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^cfg_/);
    expect(created.res.headers.get('Location')).toBe(`/api/v1/configs/${created.body.id}`);
    const read = await getJson<WidgetConfig>(`/api/v1/configs/${created.body.id}`);
    expect(read.body).toEqual({ ...config, id: created.body.id });
    const second = await getJson<WidgetConfig>('/api/v1/configs', json(config));
    expect(second.body.id).not.toBe(created.body.id);
  });

  it('PUT creates (201) then replaces (200)', async () => {
    const first = await api('/api/v1/configs/my-shop', json({ name: 'A' }, 'PUT'));
    expect(first.status).toBe(201);
    const second = await getJson<WidgetConfig>('/api/v1/configs/my-shop', json({ name: 'B', layout: 'list' }, 'PUT'));
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ id: 'my-shop', name: 'B', layout: 'list' });
    expect((await getJson<WidgetConfig>('/api/v1/configs/my-shop')).body.name).toBe('B');
  });

  it.each([
    [{ zoom: 40 }, 'zoom'],
    [{ theme: { primary: 'red' } }, 'theme.primary'],
    [{ carriers: ['Nova Poshta'] }, 'carriers.0'],
    [{ parcel: { weightG: -1, dimensionsCm: { length: 1, width: 1, height: 1 } } }, 'parcel.weightG'],
  ])('rejects %j naming %s', async (config, field) => {
    const { status, body } = await getJson<FeedError>('/api/v1/configs', json(config));
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });

  it('rejects a body that is not JSON, an id mismatch and a bad id', async () => {
    const notJson = await getJson<FeedError>('/api/v1/configs', { method: 'POST', body: '{nope' });
    expect([notJson.status, notJson.body.error.field]).toEqual([400, 'body']);
    const mismatch = await getJson<FeedError>('/api/v1/configs/a', json({ id: 'b' }, 'PUT'));
    expect([mismatch.status, mismatch.body.error.field]).toEqual([400, 'id']);
    const badId = await getJson<FeedError>('/api/v1/configs/has%20space', json({}, 'PUT'));
    expect([badId.status, badId.body.error.field]).toEqual([400, 'id']);
  });

  it('answers 404 for an unknown config', async () => {
    const { status, body } = await getJson<FeedError>('/api/v1/configs/unknown');
    expect(status).toBe(404);
    expect(body.error.field).toBe('id');
  });
});
