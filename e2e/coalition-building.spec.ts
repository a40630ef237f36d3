import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

// Pages load lazily, chunk by chunk: on a busy shared machine a first visit can take several seconds.
const expect = baseExpect.configure({ timeout: 20_000 });

test('the Coordinator makes a committed prospect a member: its people are invited and the coverage matrix changes', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, 'coordinator@la-tech.demo');

  // Coverage first: the principal's seat is empty.
  await page.goto('/c/la-tech/coalition-building/coverage');
  await expect(page.getByRole('heading', { level: 1, name: 'Stakeholder coverage' })).toBeVisible();
  const principal = page.locator('[data-seat="principal"]');
  await expect(principal).toContainText('Empty');
  await expect(principal).toHaveAttribute('data-filled', 'false');
  await expect(page.getByRole('heading', { name: 'Does every initiative have a decision maker?' })).toBeVisible();
  await expectAccessible(page, 'coverage matrix');

  // The pipeline, then the committed school district.
  await page.getByRole('navigation', { name: 'Coalition building sections' }).getByRole('link', { name: 'Recruitment pipeline' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recruitment pipeline' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Prospective member organizations' })).toBeVisible();
  await expectAccessible(page, 'recruitment pipeline');
  await page.getByLabel('Search by organization or contact').fill('Long Beach');
  await page.getByRole('link', { name: 'Long Beach Unified School District' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Long Beach Unified School District' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contacts at Long Beach Unified School District' })).toContainText('Teresa Nguyen');
  await expectAccessible(page, 'prospect');

  // Member: the organization is made and both contacts are invited.
  await page.getByLabel('Stage').selectOption({ label: 'Member' });
  await page.getByRole('button', { name: 'Make member and invite' }).click();
  await expect(page.getByText('This prospect is a member organization; its people were invited with their roles.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contacts at Long Beach Unified School District' }).getByRole('cell', { name: 'Invited' })).toHaveCount(2);
  await expectAccessible(page, 'prospect after joining');

  await page.goto('/c/la-tech/settings/invitations');
  await expect(page.getByText('teresa.nguyen@example.org')).toBeVisible();
  await expect(page.getByText('robert.hale@example.org')).toBeVisible();

  // The coverage matrix changed: the principal's seat is filled by the invited principal.
  await page.goto('/c/la-tech/coalition-building/coverage');
  await expect(principal).toHaveAttribute('data-filled', 'true');
  await expect(principal).toContainText('Filled');
  await expect(principal).toContainText('Teresa Nguyen');

  // The other pages of the area.
  await page.getByRole('navigation', { name: 'Coalition building sections' }).getByRole('link', { name: 'Commitments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Commitments' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Overdue commitments, most overdue first' })).toContainText('Snap Inc.');
  await expectAccessible(page, 'commitments (overdue)');
  await page.getByRole('navigation', { name: 'Coalition building sections' }).getByRole('link', { name: 'Onboarding' }).click();
  await expect(page.getByRole('table', { name: 'Onboarding checklist per member' })).toContainText('Long Beach Unified School District');
  await expectAccessible(page, 'onboarding');
  await page.getByRole('navigation', { name: 'Coalition building sections' }).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared library' })).toBeVisible();
  await expectAccessible(page, 'library');
  expect(pageErrors).toEqual([]);
});
