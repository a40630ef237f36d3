import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

// Pages load lazily, chunk by chunk: on a busy shared machine a first visit can take several seconds.
const expect = baseExpect.configure({ timeout: 20_000 });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('the Coordinator schedules a meeting, records attendance and an action item, the next meeting carries it, and the follow-up reaches the outbox', async ({ page }) => {
  test.setTimeout(360_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const title = `Coalition meeting E2E ${Date.now().toString(36)}`;
  const action = `Share the apprenticeship calendar ${Date.now().toString(36)}`;
  await signIn(page, 'coordinator@la-tech.demo');

  // The list, then the schedule form.
  await page.goto('/c/la-tech/meetings');
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Upcoming meetings, soonest first' })).toContainText('Coalition meeting: monthly update');
  await expectAccessible(page, 'meeting list');
  await page.getByRole('link', { name: 'Schedule a meeting' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule a meeting' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Coalition meeting' });
  await page.getByLabel('Starts (America/Los_Angeles)').fill(`${day(3)}T10:00`);
  await page.getByLabel('Duration (minutes)').fill('60');
  await page.getByLabel('Repeats').selectOption({ label: 'Every week' });
  await page.getByLabel('Number of meetings').fill('2');
  await page.getByLabel('Place', { exact: true }).fill('Bixel Exchange, 888 S Figueroa St');
  await page.getByLabel('Video link').fill('https://meet.example.org/la-tech');
  await page.getByRole('group', { name: 'By role' }).getByLabel('Leadership council').check();
  await page.getByRole('group', { name: 'By organization type' }).getByLabel('Employer').check();
  await expectAccessible(page, 'schedule form');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();

  // The meeting page: the live agenda's standing sections, filled from the coalition's records.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const agenda = page.getByRole('region', { name: 'Agenda', exact: true });
  await expect(agenda.locator('[data-section="prior_action_items"]')).toContainText('Prior action items and initiative updates');
  await expect(agenda.locator('[data-section="prior_action_items"]')).toContainText('Draft the soft-skill workshop schedule');
  await expect(agenda.locator('[data-section="labor_market"]')).toContainText('openings a year');
  await expect(agenda.locator('[data-section="hiring_demands"]')).toBeVisible();
  await expect(agenda.locator('[data-section="wbl_opportunities"]')).toBeVisible();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(page.getByRole('table', { name: 'Invitees, their answer and whether they came' }).getByRole('row', { name: /Maya Chen/ })).toContainText('Yes');
  await expectAccessible(page, 'meeting page');

  // A member's proposal, accepted by the Coordinator.
  await page.getByRole('textbox', { name: 'Item', exact: true }).fill('Summer stipend pilot');
  await page.getByRole('button', { name: 'Propose', exact: true }).click();
  await expect(agenda.locator('[data-section="proposed_items"]')).toContainText('Summer stipend pilot');
  await page.getByRole('button', { name: 'Accept “Summer stipend pilot”' }).click();
  await expect(agenda.locator('[data-section="proposed_items"]')).toContainText('Accepted');

  // Attendance and an action item.
  const attendance = page.getByRole('region', { name: 'Attendance', exact: true });
  await attendance.getByLabel('Maya Chen attended').check();
  await expect(attendance.getByText(/^1 of \d+ invitees attended$/)).toBeVisible();
  await attendance.getByLabel('Jordan Rivera attended').check();
  await expect(attendance.getByText(/^2 of \d+ invitees attended$/)).toBeVisible();
  const actions = page.getByRole('region', { name: 'Action items', exact: true });
  await actions.getByRole('textbox', { name: 'Action item', exact: true }).fill(action);
  await actions.getByLabel('Owner').selectOption({ label: 'Maya Chen' });
  await actions.getByLabel('Due on').fill(day(9));
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await expect(actions.getByRole('table', { name: 'Action items agreed at this meeting' })).toContainText(action);

  // Minutes, a decision, and the follow-up e-mail.
  const minutes = page.getByRole('region', { name: 'Minutes and decisions' });
  await minutes.getByLabel('Minutes', { exact: true }).fill('Reviewed the hiring demands and the apprenticeship calendar.');
  await minutes.getByRole('button', { name: 'Save minutes' }).click();
  await expect(minutes.getByText('Minutes saved.')).toBeVisible();
  await minutes.getByLabel('New decision').fill('Pilot summer stipends with two employers');
  await minutes.getByRole('button', { name: 'Record decision' }).click();
  await expect(minutes.getByRole('listitem').filter({ hasText: 'Pilot summer stipends with two employers' })).toBeVisible();
  await minutes.getByRole('button', { name: 'Send follow-up e-mail' }).click();
  await expect(minutes.getByText(/The follow-up was sent on/)).toBeVisible({ timeout: 90_000 });
  await expectAccessible(page, 'meeting page after the meeting');

  // The next occurrence carries the open action item into its agenda.
  await page.goto('/c/la-tech/meetings');
  await page.getByRole('table', { name: 'Upcoming meetings, soonest first' }).getByRole('link', { name: title }).nth(1).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const carried = page.getByRole('region', { name: 'Agenda', exact: true }).locator('[data-section="prior_action_items"]').getByRole('listitem').filter({ hasText: action });
  await expect(carried).toContainText('Maya Chen');
  await expect(carried).toContainText('Carried forward');

  // My action items lists it; the calendar shows both meetings and moves by keyboard.
  await page.getByRole('navigation', { name: 'Meetings and communications sections' }).getByRole('link', { name: 'My action items' }).click();
  await expect(page.getByRole('table', { name: 'My action items by due date' })).toContainText(action);
  await expectAccessible(page, 'my action items');
  await page.goto(`/c/la-tech/meetings/calendar?view=week&date=${day(3)}`);
  const grid = page.getByRole('grid');
  await expect(grid.locator(`[data-day="${day(3)}"]`)).toContainText(title);
  await grid.locator(`[data-day="${day(3)}"]`).focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator(`[data-day="${day(10)}"]`)).toBeFocused();
  await expect(grid.locator(`[data-day="${day(10)}"]`)).toContainText(title);
  await expect(page.getByRole('region', { name: /^Meetings on / })).toContainText(title);
  await expectAccessible(page, 'calendar (week)');
  await page.locator('label').filter({ hasText: /^Month$/ }).click();
  await expect(page.getByRole('radio', { name: 'Month' })).toBeChecked();
  await expect(grid.locator(`[data-day="${day(10)}"]`)).toBeVisible();
  await expectAccessible(page, 'calendar (month)');

  // The follow-up reached the outbox (the Coordinator's view of the mail the coalition sent).
  await page.goto('/c/la-tech/settings/outbox');
  await expect(page.getByRole('cell', { name: `Follow-up: ${title}` }).first()).toBeVisible();
  // Maya's copy lists her own action item.
  const mine = page.getByRole('row').filter({ hasText: 'coordinator@la-tech.demo' }).filter({ hasText: `Follow-up: ${title}` });
  await mine.getByRole('button').click();
  await expect(page.locator('pre').filter({ hasText: 'YOUR ACTION ITEMS' })).toContainText(action);
  expect(pageErrors).toEqual([]);
});

test('the Coordinator sends an announcement to a previewed segment; an employer finds it in the notification centre and unsubscribes', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const subject = `Apprenticeship info session ${Date.now().toString(36)}`;
  await signIn(page, 'coordinator@la-tech.demo');

  await page.goto('/c/la-tech/communications/announcements');
  await expect(page.getByRole('heading', { level: 1, name: 'Announcements' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Join us at the Bixel Exchange to meet apprenticeship sponsors.');
  await page.getByRole('group', { name: 'By organization type' }).getByLabel('Employer').check();
  const preview = page.getByRole('region', { name: 'Who it reaches' });
  await expect(preview.getByTestId('audience-total')).toHaveText(/^\d+ (person|people)$/);
  await expect(preview).toContainText('by e-mail and in the app');
  await expectAccessible(page, 'announcement composer with preview');
  await page.getByRole('button', { name: 'Send now' }).click();
  const row = page.getByRole('table', { name: 'Announcements, newest first' }).getByRole('row', { name: new RegExp(subject) });
  await expect(row).toContainText('Sent', { timeout: 60_000 });
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Who received the announcement and how' }).getByRole('cell', { name: 'E-mailed' }).first()).toBeVisible();
  await expectAccessible(page, 'announcement deliveries');

  // The weekly digest runs in batches.
  await page.goto('/c/la-tech/communications/announcements');
  await page.getByRole('button', { name: 'Send this week’s digest' }).click();
  await expect(page.getByRole('table', { name: 'Weekly digest runs, newest first' })).toContainText('Completed', { timeout: 60_000 });

  // The employer sees it among their notifications, then unsubscribes from e-mail.
  await page.context().clearCookies();
  await signIn(page, 'employer@la-tech.demo');
  await page.goto('/c/la-tech/communications/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const note = page.getByRole('link', { name: `Announcement: ${subject}` });
  await expect(note).toBeVisible();
  await expectAccessible(page, 'notification centre');
  await note.click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText('Join us at the Bixel Exchange to meet apprenticeship sponsors.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Meetings and communications sections' }).getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Communication preferences' })).toBeVisible();
  await expect(page.getByRole('switch', { name: /^Announcements/ })).toBeChecked();
  await expectAccessible(page, 'preferences');
  await page.getByRole('button', { name: 'Unsubscribe from all e-mail' }).click();
  await expect(page.getByTestId('unsubscribed')).toContainText('You are unsubscribed');
  await expect(page.getByRole('switch', { name: /^Announcements/ })).not.toBeChecked();
  await expectAccessible(page, 'preferences (unsubscribed)');
  await page.getByRole('button', { name: 'Subscribe again' }).click();
  await expect(page.getByRole('switch', { name: /^Announcements/ })).toBeChecked();
  expect(pageErrors).toEqual([]);
});

test('the Coordinator edits a meeting and cancels it with a reason; an invitee is told', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const stamp = Date.now().toString(36);
  const title = `Partner check-in E2E ${stamp}`;
  const renamed = `Partner review E2E ${stamp}`;
  const reason = `Merged into the quarterly meeting ${stamp}`;
  await signIn(page, 'coordinator@la-tech.demo');
  await page.goto('/c/la-tech/meetings');
  const origin = new URL(page.url()).origin;
  const created = await page.request.post('/api/v1/coalitions/la-tech/meetings', {
    data: { title, kind: 'working_session', startsAt: `${day(5)}T17:00:00Z`, durationMinutes: 45, audience: { organizationTypes: ['employer'] } },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  // Edit: a bad link is refused on its field; then title, time (the coalition's zone), place, link and agenda notes.
  await page.goto(`/c/la-tech/meetings/${id}`);
  await page.getByRole('link', { name: 'Edit meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit meeting' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
  await expectAccessible(page, 'edit meeting');
  const link = page.getByLabel('Video link');
  await link.fill('not a link');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await expect(link).toBeFocused();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(renamed);
  await page.getByLabel('Starts (America/Los_Angeles)').fill(`${day(6)}T14:30`);
  await page.getByLabel('Place', { exact: true }).fill('Snap Inc., Santa Monica');
  await link.fill('https://meet.example.org/partners');
  await page.getByLabel('Description').fill('1. Internship seats\n2. Mentor pairing');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The meeting was updated.' })).toBeVisible();
  await expect(page.getByText('Snap Inc., Santa Monica')).toBeVisible();
  await expect(page.getByText('2:30')).toBeVisible();
  await expect(page.getByRole('link', { name: /Join the video call/ })).toHaveAttribute('href', 'https://meet.example.org/partners');
  const saved = await (await page.request.get(`/api/v1/coalitions/la-tech/meetings/${id}`)).json();
  expect(saved).toMatchObject({ title: renamed, location: 'Snap Inc., Santa Monica', description: '1. Internship seats\n2. Mentor pairing' });

  // Cancel: a confirmation with an optional reason; Escape leaves it as it was.
  await page.getByRole('button', { name: 'Cancel meeting' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel “${renamed}”?` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Cancel meeting' }).click();
  await dialog.getByLabel('Reason (optional)').fill(reason);
  await expectAccessible(page, 'cancel meeting dialog');
  await dialog.getByRole('button', { name: 'Cancel the meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `“${renamed}” was cancelled and its invitees were told.` })).toBeVisible();
  expect((await page.request.get(`/api/v1/coalitions/la-tech/meetings/${id}`)).status()).toBe(404);

  // An invited employer reads why.
  await page.context().clearCookies();
  await signIn(page, 'employer@la-tech.demo');
  await page.goto('/c/la-tech/communications/notifications');
  await expect(page.getByText(new RegExp(`“${renamed}” on .* was cancelled: ${reason}`))).toBeVisible();
  await expectAccessible(page, 'notification centre (cancelled meeting)');
  expect(pageErrors).toEqual([]);
});

test('the Coordinator sees when the weekly digest sends itself, turns it off and on again', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'coordinator@la-tech.demo');
  await page.goto('/c/la-tech/communications/announcements');
  const schedule = page.getByRole('region', { name: 'When it sends itself' });
  await expect(schedule).toContainText('America/Los_Angeles');
  await expect(schedule.getByLabel('Weekday')).toHaveValue('1');
  await expect(schedule.getByLabel('Hour (America/Los_Angeles)')).toHaveValue('8');
  await expect(schedule).toContainText(/Next: Monday, .* 08:00 \(America\/Los_Angeles\)\./);
  await expectAccessible(page, 'digest schedule');
  // Off and back on: switching it off can start nothing, and on again is the default (Monday 08:00).
  const every = schedule.getByRole('switch', { name: 'Send it every week' });
  await every.uncheck({ force: true });
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedule.getByRole('status')).toContainText('The digest will not send itself');
  await expect(schedule).toContainText('Off: the digest only goes out when you send it.');
  await every.check({ force: true });
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedule.getByRole('status')).toContainText(/Saved\. Next digest: Monday/);
  await expect(schedule).toContainText(/Next: Monday/);
});
