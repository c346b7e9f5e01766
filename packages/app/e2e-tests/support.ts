/* Shared by the browser checks: where the demo is, where screenshots go, and page helpers. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Locator, Page } from 'playwright-core';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');
/** Where screenshots and downloads go. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
/** The demo's frontend. */
export const APP = 'http://localhost:3000';

/** One browser check: its name (printed) and what it does with the signed-in page. */
export type Check = { name: string; run: (page: Page) => Promise<void> };

export const shot = (page: Page, name: string) =>
  page.screenshot({
    path: path.join(ARTIFACTS, `${name}.png`),
    fullPage: true,
  });

/** The entity card (or info card) whose title is exactly `title`. */
export const cardTitled = (page: Page, title: string): Locator =>
  page
    .locator('.MuiCard-root', {
      // The card's header, not any cell: other cards may name "KV namespace" in a row.
      has: page.locator('.MuiCardHeader-title').getByText(title, {
        exact: true,
      }),
    })
    .first();

/** Waits for `text` in `scope`; the demo's dev server may still be compiling, hence the patience. */
export const expectText = (scope: Locator, text: string | RegExp) =>
  scope.getByText(text).first().waitFor({ timeout: 60_000 });

/** The hex SHA-256 of a file, as an auditor computes it: coreutils' `sha256sum`. */
export const sha256sum = (file: string) =>
  execFileSync('sha256sum', [file]).toString().split(' ')[0];
