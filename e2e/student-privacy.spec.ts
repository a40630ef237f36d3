import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

// Student privacy (issue 10): the student opts out of directory information and asks for a
// correction; the Coordinator no longer lists them and sees the request; the student opts back in.
test.describe.configure({ mode: 'serial' });

test('a student opts out of directories and asks for a correction; the Coordinator sees the request but no longer lists them', async ({ browser }) => {
  test.setTimeout(240_000);
  const student = await (await browser.newContext()).newPage();
  await signIn(student, 'student@la-tech.demo');
  await student.goto('/c/la-tech/talent-pipeline/me');
  await expect(student.getByRole('heading', { level: 1 })).toHaveText('My profile', { timeout: 20_000 });
  const privacy = student.getByRole('region', { name: 'Privacy' });
  await expect(privacy).toBeVisible({ timeout: 20_000 });
  const optOut = privacy.getByRole('switch', { name: 'Leave me out of directories' });
  await expect(optOut).not.toBeChecked();
  await optOut.click();
  await expect(optOut).toBeChecked({ timeout: 20_000 });

  await privacy.getByRole('combobox', { name: 'What is wrong' }).selectOption('pathway');
  await privacy.getByRole('textbox', { name: 'What it should say' }).fill('Cybersecurity');
  await privacy.getByRole('textbox', { name: 'Why' }).fill('I changed programs in the spring term.');
  await privacy.getByRole('button', { name: 'Send the request' }).click();
  await expect(privacy.getByRole('status')).toHaveText('Request sent: your school will review it.', { timeout: 20_000 });
  await expect(privacy.getByText('Pathway: Cybersecurity')).toBeVisible({ timeout: 20_000 });
  await expect(privacy.getByText('Open', { exact: true })).toBeVisible();
  await expectAccessible(student, 'my profile with privacy choices');

  // The choice holds after a reload.
  await student.reload();
  await expect(student.getByRole('region', { name: 'Privacy' }).getByRole('switch', { name: 'Leave me out of directories' })).toBeChecked({ timeout: 20_000 });

  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, 'coordinator@la-tech.demo');
  const listed = await coordinator.request.get('/api/v1/coalitions/la-tech/students?q=Hern%C3%A1ndez&limit=50');
  expect(listed.status()).toBe(200);
  expect((await listed.json()).items.map((s: { firstName: string }) => s.firstName)).not.toContain('Luis');
  const me = await student.request.get('/api/v1/coalitions/la-tech/students?limit=1');
  const luisId = (await me.json()).items[0].id as string;
  await coordinator.goto(`/c/la-tech/talent-pipeline/students/${luisId}`);
  const seen = coordinator.getByRole('region', { name: 'Privacy' });
  await expect(seen.getByText('Opted out of directory information', { exact: false })).toBeVisible({ timeout: 20_000 });
  await expect(seen.getByText('Pathway: Cybersecurity')).toBeVisible({ timeout: 20_000 });
  await expect(seen.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expectAccessible(coordinator, 'student record with privacy (Coordinator)');

  // Back in, so the rest of a run finds the demo as seeded.
  await student.getByRole('region', { name: 'Privacy' }).getByRole('switch', { name: 'Leave me out of directories' }).click();
  await expect(student.getByRole('region', { name: 'Privacy' }).getByRole('switch', { name: 'Leave me out of directories' })).not.toBeChecked({ timeout: 20_000 });
  const again = await coordinator.request.get('/api/v1/coalitions/la-tech/students?q=Hern%C3%A1ndez&limit=50');
  expect((await again.json()).items.map((s: { firstName: string }) => s.firstName)).toContain('Luis');
});
