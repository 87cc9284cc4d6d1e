/** `npm start -- --demo` / `npm run preview -- --demo`: open straight into the offline demo account. */
export const DEMO_ARG = '--demo';

/**
 * A development shortcut for trying the app without a key: main adds the demo account (the same vault call
 * the first-run "Open the demo account" button makes) before the window opens. Packaged builds ignore it,
 * so nothing outside the app's own UI adds accounts to a user's data.
 */
export function opensDemoAccount(argv: readonly string[], isPackaged: boolean): boolean {
  return !isPackaged && argv.includes(DEMO_ARG);
}
