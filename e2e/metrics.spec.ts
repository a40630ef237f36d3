import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

const year = new Date().getFullYear();

test('an employer sees its dashboard from the metrics page', async ({ page }) => {
  await signIn(page, 'employer@la-tech.demo');
  await page.goto('/c/la-tech/metrics');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Metrics & recognition');
  await expect(page.locator('tr[data-metric="internship_placements"]')).toContainText('500');
  // Computed from meeting check-ins (the seeded past meetings): a number, not "No data yet".
  await expect(page.locator('tr[data-metric="meeting_attendance"]')).toContainText(/\d/);
  await expect(page.locator('tr[data-metric="meeting_attendance"]')).not.toContainText('No data yet');
  await expectAccessible(page, 'metrics');
  await page.getByRole('link', { name: 'My organization’s dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dashboard: Snap Inc.');
  await expect(page.getByRole('rowheader', { name: 'Interns hosted' })).toBeVisible();
  await expectAccessible(page, 'employer dashboard');
});

test('the Coordinator runs a recognition round and downloads a certificate', async ({ page }) => {
  await signIn(page, 'coordinator@la-tech.demo');
  await page.goto('/c/la-tech/metrics/recognition');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Recognition program');
  await expect(page.getByRole('heading', { name: `Round ${year - 1}` })).toBeVisible();
  await expectAccessible(page, 'recognition');

  await page.getByRole('button', { name: `Open nominations for ${year}` }).click();
  await expect(page.getByRole('heading', { name: `Round ${year}` })).toBeVisible();
  await page.getByRole('combobox', { name: 'Organization to nominate' }).selectOption({ label: 'Amazon Web Services' });
  await page.getByRole('button', { name: 'Nominate' }).click();
  await page.getByRole('combobox', { name: 'Tier: Amazon Web Services' }).selectOption('gold');
  await expectAccessible(page, 'recognition round with a nomination');
  await page.getByRole('button', { name: 'Approve: Amazon Web Services' }).click();

  const awardRow = page.getByRole('row').filter({ hasText: 'Amazon Web Services' }).filter({ hasText: 'Gold' }).filter({ hasText: String(year) });
  await expect(awardRow.getByRole('link', { name: 'Certificate of Amazon Web Services (PDF)' })).toBeVisible();
  const download = page.waitForEvent('download');
  await awardRow.getByRole('link', { name: 'Certificate of Amazon Web Services (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`certificate-amazon-web-services-${year}.pdf`);
  const head = await (await import('node:fs/promises')).readFile((await file.path())!);
  expect(head.subarray(0, 5).toString()).toBe('%PDF-');
  await expectAccessible(page, 'recognition after the award');
});

test('an anonymous visitor sees the public page', async ({ page }) => {
  await page.goto('/p/la-tech');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Los Angeles Tech Talent Coalition');
  await expect(page.getByRole('heading', { name: 'Recognized community partners' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Internship placements' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Annual impact report (PDF)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Public events' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Public speaking workshop for high-school students/ })).toBeVisible();
  await expectAccessible(page, 'public page');
});
