import { expect as baseExpect, test } from '@playwright/test';
import { makeDocx } from '../src/server/features/documents/documents.fixtures.js';
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

test('the Coordinator records a commitment from the paper, sees it overdue, records an agreement, assigns a seat, and keeps library versions searchable by their text', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, 'coordinator@la-tech.demo');

  // A commitment drawn from what the paper asks of an employer, made concrete, due in the past.
  await page.goto('/c/la-tech/coalition-building/commitments');
  await expect(page.getByRole('heading', { level: 1, name: 'Commitments' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Record a commitment' });
  await form.getByLabel('Member').selectOption({ label: 'Esri' });
  await form.getByLabel('From the paper').selectOption({ label: 'Provide hiring needs and skill set information' });
  await expect(form.getByLabel('Commitment')).toHaveValue('Provide hiring needs and skill set information');
  await form.getByLabel('Commitment').fill('Provide hiring needs for 2027');
  await form.getByLabel('Due').fill('2025-01-15');
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await expect(page.getByText('“Provide hiring needs for 2027” recorded for Esri.')).toBeVisible();

  // The Coordinator's view: overdue, with the days counted.
  const overdue = page.getByRole('table', { name: 'Overdue commitments, most overdue first' });
  const row = overdue.getByRole('row', { name: /Provide hiring needs for 2027/ });
  await expect(row).toContainText('Esri');
  await expect(row).toContainText('days overdue');
  await expectAccessible(page, 'commitments with the new commitment');

  // Done: it leaves the overdue view.
  await row.getByRole('button', { name: 'Edit Provide hiring needs for 2027' }).click();
  const dialog = page.getByRole('dialog', { name: 'Commitment of Esri' });
  await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'Done' });
  await expectAccessible(page, 'commitment dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(overdue.getByRole('row', { name: /Provide hiring needs for 2027/ })).toHaveCount(0);

  // A prospect's owner, next step and date, and a contact logged in its history.
  await page.goto('/c/la-tech/coalition-building');
  await page.getByLabel('Search by organization or contact').fill('Riot');
  await page.getByRole('link', { name: 'Riot Games' }).click();
  const details = page.getByRole('form', { name: 'Owner and next step' });
  const owner = details.getByLabel('Owner');
  await expect(owner.locator('option', { hasText: 'Maya Chen' })).toHaveCount(1);
  await owner.selectOption({ value: (await owner.locator('option', { hasText: 'Maya Chen' }).getAttribute('value'))! });
  await details.getByLabel('Next step', { exact: true }).fill('Invite them to the spring coalition meeting');
  await details.getByLabel('Next step by').fill('2027-03-01');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Owner and next step saved.')).toBeVisible();
  const log = page.getByRole('form', { name: 'Log a contact' });
  await log.getByLabel('Kind').selectOption({ label: 'Meeting' });
  await log.getByLabel('What happened').fill('Met the university relations lead at their campus');
  await log.getByRole('button', { name: 'Log' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Met the university relations lead at their campus' })).toContainText('Meeting');
  await expect(page.getByRole('heading', { level: 1, name: 'Riot Games' })).toBeVisible();
  await page.reload();
  await expect(details.getByLabel('Next step', { exact: true })).toHaveValue('Invite them to the spring coalition meeting');
  await expectAccessible(page, 'prospect with owner and next step');

  // Onboarding: the Coordinator records Esri's acceptance of the data-sharing agreement.
  await page.getByRole('navigation', { name: 'Coalition building sections' }).getByRole('link', { name: 'Onboarding' }).click();
  await page.getByRole('button', { name: 'Accept the data-sharing agreement for Esri' }).click();
  const agreement = page.getByRole('dialog', { name: 'Accept the data-sharing agreement' });
  await expect(agreement).toContainText('version 2026-1');
  await agreement.getByRole('button', { name: 'Accept on their behalf' }).click();
  await expect(page.getByText('Esri accepted the data-sharing agreement.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept the data-sharing agreement for Esri' })).toHaveCount(0);
  await expectAccessible(page, 'onboarding after an acceptance');

  // Coverage: assign the Chief Human Capital Officer's seat, then clear it.
  await page.goto('/c/la-tech/coalition-building/coverage');
  const chco = page.locator('[data-seat="chief_human_capital_officer"]');
  await expect(chco).toHaveAttribute('data-filled', 'false');
  const assign = page.getByRole('form', { name: 'Assign a seat' });
  await assign.getByLabel('Seat').selectOption({ label: 'Chief Human Capital Officer' });
  await assign.getByLabel('Person').selectOption({ label: 'Priya Natarajan (Amazon Web Services)' });
  await assign.getByRole('button', { name: 'Assign seat' }).click();
  await expect(chco).toHaveAttribute('data-filled', 'true');
  await expect(chco).toContainText('Priya Natarajan');
  await expectAccessible(page, 'coverage with an assigned seat');
  await chco.getByRole('button', { name: 'Remove Priya Natarajan from the seat Chief Human Capital Officer' }).click();
  await expect(chco).toHaveAttribute('data-filled', 'false');

  // Library: a Word document is searchable by its text; a new version keeps the history.
  await page.goto('/c/la-tech/coalition-building/library');
  const upload = page.getByRole('form', { name: 'Share a document' });
  await upload.getByLabel('Title').fill('Employer partnership toolkit');
  await upload.locator('input[type="file"]').setInputFiles({ name: 'toolkit.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: makeDocx(['How to host interns', 'Quetzalcoatl mentoring circles']) });
  await upload.getByRole('button', { name: 'Upload' }).click();
  const documents = page.getByRole('table', { name: 'Documents in the shared library' });
  await expect(documents.getByRole('row', { name: /Employer partnership toolkit/ })).toContainText('Text searchable');
  await page.getByLabel('Search titles and text').fill('quetzalcoatl');
  await expect(documents.getByRole('row')).toHaveCount(2); // the header and the toolkit
  await documents.getByRole('button', { name: 'Versions of Employer partnership toolkit' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions of “Employer partnership toolkit”' });
  await versions.locator('input[type="file"]').setInputFiles({ name: 'toolkit-v2.txt', mimeType: 'text/plain', buffer: Buffer.from('Revised toolkit: paid internships') });
  await versions.getByRole('button', { name: 'Upload version' }).click();
  await expect(versions.getByRole('table')).toContainText('toolkit-v2.txt');
  await expect(versions.getByRole('link', { name: 'Download toolkit.docx (version 1)' })).toBeVisible();
  await expectAccessible(page, 'library versions');
  // Search runs over the current version: the old words no longer find it, the new ones do.
  await page.keyboard.press('Escape');
  await expect(versions).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No documents' })).toBeVisible();
  await page.getByLabel('Search titles and text').fill('paid internships');
  await expect(documents.getByRole('row', { name: /Employer partnership toolkit/ })).toContainText('Version 2');
  expect(pageErrors).toEqual([]);
});
