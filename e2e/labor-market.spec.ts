import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

test('the Coordinator sorts occupations by growth and opens Software Developers, Applications', async ({ page }) => {
  await signIn(page, 'coordinator@la-tech.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Labor market' }).click();
  const table = page.getByRole('table', { name: /Occupation projections/ });
  await expect(table).toBeVisible();
  await expectAccessible(page, 'labor-market dashboard');

  await table.getByRole('button', { name: 'Growth', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Growth', exact: true })).toHaveAttribute('aria-sort', 'descending');
  // Statisticians grew fastest in Table 1 (700 → 1,010, +44.3%).
  await expect(table.getByRole('row').nth(1)).toContainText('Statisticians');
  await expect(table.getByRole('row').nth(1)).toContainText('44.3');

  await table.getByRole('link', { name: 'Software Developers, Applications' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Software Developers, Applications');
  await expect(page.getByText('15-1132').first()).toBeVisible();
  await expect(page.getByText('15-1252').first()).toBeVisible();
  await expect(page.getByText('15-1253').first()).toBeVisible();
  await expect(page.getByText('Programming').first()).toBeVisible();
  await expectAccessible(page, 'occupation page');
});
