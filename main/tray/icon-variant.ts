/** 'light' = the dark glyph for light panels, 'dark' = the light glyph for dark panels, 'template' = macOS. */
export type TrayIconVariant = 'light' | 'dark' | 'template';

/**
 * macOS tints template images itself. Windows' taskbar follows the system theme. On Linux the panel is
 * often dark whatever the app theme says (GNOME's top bar always is), so GNOME gets the light glyph and
 * other desktops follow the theme.
 */
export function trayIconVariant(platform: NodeJS.Platform, darkColors: boolean, desktop: string): TrayIconVariant {
  if (platform === 'darwin') return 'template';
  if (platform === 'linux' && /gnome|unity|ubuntu/i.test(desktop)) return 'dark';
  return darkColors ? 'dark' : 'light';
}
