// electron-builder afterPack hook, used only by pack:check (-c.afterPack=…): the Linux `dir` target makes
// no .desktop file, and the AppImage and deb targets that do need downloaded tools. So this asks
// electron-builder's own Linux helper for the desktop entry and icon set those targets would install, and
// writes them as JSON to $PACK_CHECK_DESKTOP_ENTRY for pack:check to verify.
import { writeFileSync } from 'node:fs';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';

export default async function writeLinuxDesktopEntry(context) {
  const reportPath = process.env.PACK_CHECK_DESKTOP_ENTRY;
  if (context.electronPlatformName !== 'linux' || !reportPath) return;
  const { packager } = context;
  const helper = new LinuxTargetHelper(packager);
  const entry = await helper.computeDesktopEntry(packager.platformSpecificBuildOptions);
  const icons = await helper.icons;
  writeFileSync(
    reportPath,
    JSON.stringify({ entry, icons, desktopName: packager.info.metadata.desktopName ?? null, executableName: packager.executableName }, null, 2),
  );
}
