import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

test('the Coordinator signs in, adds an organization, finds it, switches to Spanish and signs out', async ({ page }) => {
  await page.goto('/sign-in');
  await expectAccessible(page, 'sign-in');
  await signIn(page, 'coordinator@la-tech.demo');
  await expectAccessible(page, 'dashboard');

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Organizations');
  await expectAccessible(page, 'organizations directory');

  const name = `Riot Games ${Date.now()}`;
  await page.getByRole('link', { name: 'Add organization' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('combobox', { name: 'Organization type' }).selectOption('employer');
  await page.getByLabel('Website').fill('not a url');
  await page.getByRole('button', { name: 'Save organization' }).click();
  // The same Zod schema as the API: an inline error, nothing saved.
  await expect(page.getByText(/http:\/\/ or https:\/\//)).toBeVisible();
  await page.getByLabel('Website').fill('https://www.riotgames.com');
  await expectAccessible(page, 'organization form with an error');
  await page.getByRole('button', { name: 'Save organization' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

  await nav.getByRole('link', { name: 'Organizations' }).click();
  await page.getByLabel('Search organizations').fill('Riot Games');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Santa Monica College' })).toHaveCount(0);

  await page.getByLabel('Language').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByLabel('Idioma')).toBeVisible();
  await expectAccessible(page, 'directory in Spanish');

  await page.getByRole('button', { name: 'Maya Chen' }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await expect(page).toHaveURL(/sign-in/);
  // Signed out for real: the API no longer knows the browser.
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(401);
});

test('a student sees the directory but cannot add organizations', async ({ page }) => {
  await signIn(page, 'student@la-tech.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(page.getByRole('link', { name: 'Santa Monica College' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add organization' })).toHaveCount(0);
});
