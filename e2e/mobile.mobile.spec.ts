// A phone: the list becomes a bottom sheet over the map; a finger can choose a point.
import { expect, test } from '@playwright/test';
import { cspViolations, events, openHostPage, openPlayground, pointsList, recordEvents } from './support.js';

test('on a phone the list is a bottom sheet over the map and a tap chooses', async ({ page }) => {
  await recordEvents(page);
  await openPlayground(page);
  const map = page.getByRole('region', { name: 'Карта пунктов' });
  const list = pointsList(page);
  const mapBox = (await map.boundingBox())!;
  const listBox = (await list.boundingBox())!;
  // The sheet overlaps the map's lower part rather than sitting beside it or below it.
  expect(listBox.y).toBeGreaterThan(mapBox.y);
  expect(listBox.y).toBeLessThan(mapBox.y + mapBox.height);
  expect(listBox.x).toBeLessThan(mapBox.x + mapBox.width / 2);
  expect(listBox.width).toBeGreaterThan(mapBox.width * 0.8);
  const viewport = page.viewportSize()!;
  expect(mapBox.width).toBeLessThanOrEqual(viewport.width);

  await list.getByRole('option').first().tap();
  const confirm = page.getByRole('button', { name: 'Выбрать этот пункт' });
  await confirm.scrollIntoViewIfNeeded();
  await confirm.tap();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone, the script-tag embed under a strict CSP works by touch', async ({ page }) => {
  await recordEvents(page);
  await openHostPage(page);
  const list = pointsList(page);
  await expect(list.getByRole('option').first()).toBeVisible();
  await list.getByRole('option').first().tap();
  const confirm = page.getByRole('button', { name: 'Выбрать этот пункт' });
  await confirm.scrollIntoViewIfNeeded();
  await confirm.tap();
  await expect.poll(async () => (await events(page, 'bp-change')).length).toBe(1);
  expect(await cspViolations(page)).toEqual([]);
});
