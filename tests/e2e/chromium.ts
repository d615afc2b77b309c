import { chromium, type Browser } from 'playwright-core';

/**
 * How the e2e tests and `npm run bench:ui` start Chromium (DESIGN §10): Debian's headless Chromium
 * with WebGL on SwiftShader. Never add `--disable-software-rasterizer` (it turns WebGL off).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A planner's window. */
export const VIEWPORT = { width: 1600, height: 1000 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
