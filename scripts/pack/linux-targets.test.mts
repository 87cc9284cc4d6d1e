import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Ubuntu 24.04 and later restrict unprivileged user namespaces through AppArmor, so Chromium's sandbox
// needs either an AppArmor profile for the binary (the deb's post-install script writes one to
// /etc/apparmor.d) or a setuid-root chrome-sandbox. An AppImage can have neither (it installs nothing and
// runs from a nosuid FUSE mount): it aborts at start on the most common Linux desktop. Only --no-sandbox
// would start it, which turns off the renderer sandbox the app's security rests on, so it is not shipped.
describe('Linux packages', () => {
  it('are the deb only: no AppImage is built or uploaded', () => {
    const config = readFileSync('build/electron-builder.yml', 'utf8');
    const targets = /^linux:\n(?:\s+#.*\n)*\s+target: \[([^\]]*)\]/m.exec(config)?.[1]?.split(',').map((target) => target.trim());
    expect(targets).toEqual(['deb']);
    expect(readFileSync('.github/workflows/build.yml', 'utf8')).not.toMatch(/AppImage/i);
  });
});
