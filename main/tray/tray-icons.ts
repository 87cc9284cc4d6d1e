/// <reference types="electron-vite/node" />
import { readFileSync } from 'node:fs';
import { nativeImage, type NativeImage } from 'electron';
import darkGlyph from '../../build/tray/tray-dark.png?asset';
import darkGlyph2x from '../../build/tray/tray-dark@2x.png?asset';
import errorDarkGlyph from '../../build/tray/tray-error-dark.png?asset';
import errorDarkGlyph2x from '../../build/tray/tray-error-dark@2x.png?asset';
import errorLightGlyph from '../../build/tray/tray-error-light.png?asset';
import errorLightGlyph2x from '../../build/tray/tray-error-light@2x.png?asset';
import lightGlyph from '../../build/tray/tray-light.png?asset';
import lightGlyph2x from '../../build/tray/tray-light@2x.png?asset';
import errorTemplate from '../../build/tray/trayErrorTemplate.png?asset';
import errorTemplate2x from '../../build/tray/trayErrorTemplate@2x.png?asset';
import template from '../../build/tray/trayTemplate.png?asset';
import template2x from '../../build/tray/trayTemplate@2x.png?asset';
import { trayIconVariant, type TrayIconVariant } from './icon-variant.ts';
import type { TrayIconState } from './tray-model.ts';

// Drawn by scripts/make-tray-icons.mjs; electron-vite copies each into out/ (with a hashed name, so the
// @2x file is attached explicitly instead of being found by name).
const FILES: Readonly<Record<TrayIconState, Readonly<Record<TrayIconVariant, readonly [string, string]>>>> = {
  normal: { light: [lightGlyph, lightGlyph2x], dark: [darkGlyph, darkGlyph2x], template: [template, template2x] },
  error: { light: [errorLightGlyph, errorLightGlyph2x], dark: [errorDarkGlyph, errorDarkGlyph2x], template: [errorTemplate, errorTemplate2x] },
};

const cache = new Map<string, NativeImage>();

/** The tray image for this state on this system (theme and desktop decide light or dark). */
export function trayIcon(state: TrayIconState, darkColors: boolean): NativeImage {
  const variant = trayIconVariant(process.platform, darkColors, process.env['XDG_CURRENT_DESKTOP'] ?? '');
  const key = `${state}:${variant}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [oneX, twoX] = FILES[state][variant];
  const image = nativeImage.createFromPath(oneX);
  image.addRepresentation({ scaleFactor: 2, buffer: readFileSync(twoX) });
  if (variant === 'template') image.setTemplateImage(true);
  cache.set(key, image);
  return image;
}
