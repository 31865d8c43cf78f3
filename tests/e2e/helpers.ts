import { expect, type Page } from '@playwright/test';

export const demoPassword = 'amanah-demo-2026';

/** Signs in through the sign-in page and waits until the app shell is shown. */
export async function signIn(
  page: Page,
  identifier: string,
  password = demoPassword,
): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna atau NIP').fill(identifier);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

export async function signInAndWait(
  page: Page,
  identifier: string,
  password = demoPassword,
): Promise<void> {
  await signIn(page, identifier, password);
  await expect(page.getByRole('button', { name: /^Menu akun/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Menu akun/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);
}

/** Picks an option in a Mantine Select after typing into it. */
export async function pickOption(
  page: Page,
  label: string,
  typed: string,
  option: RegExp | string,
) {
  const input = page.getByRole('textbox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Fails the test on any uncaught error in the page. */
export function failOnPageErrors(page: Page): void {
  page.on('pageerror', (error) => {
    throw error;
  });
}
