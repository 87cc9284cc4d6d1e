import type { ReactNode } from 'react';
import type { AccountSummary, AppInfo, IpcResult, Settings } from '../../../ipc/contract.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import type { ThresholdChange } from '../model/threshold.ts';
import { AddAccountDialog } from './AddAccountDialog.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { UpdateKeyDialog } from './UpdateKeyDialog.tsx';

/** The one dialog open; "Update key" names its account. */
export type OpenDialog = 'settings' | 'add-account' | 'shortcuts' | { updateKey: string } | null;

interface AppDialogsProps {
  dialog: OpenDialog;
  setDialog: (dialog: OpenDialog) => void;
  info: AppInfo | null;
  settings: Settings | null;
  accounts: readonly AccountSummary[];
  locale: NumberLocale | null;
  /** Whether this build updates itself (Settings then shows the update choices). */
  selfUpdating: boolean;
  onUpdateSettings: (patch: Partial<Settings>) => Promise<IpcResult<Settings>>;
  thresholdChange: ThresholdChange | null;
  onAccountAdded: (account: AccountSummary) => void;
}

/** The app's dialogs, of which at most one is open. */
export function AppDialogs({ dialog, setDialog, info, settings, accounts, locale, selfUpdating, onUpdateSettings, thresholdChange, onAccountAdded }: AppDialogsProps): ReactNode {
  const close = () => setDialog(null);
  const updateKeyFor = dialog !== null && typeof dialog === 'object' ? accounts.find((account) => account.id === dialog.updateKey) : undefined;
  return (
    <>
      {dialog === 'settings' && settings && locale && (
        <SettingsDialog settings={settings} info={info} selfUpdating={selfUpdating} accounts={accounts} locale={locale} onUpdate={onUpdateSettings} thresholdChange={thresholdChange} onAddAccount={() => setDialog('add-account')} onUpdateKey={(accountId) => setDialog({ updateKey: accountId })} onClose={close} />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {updateKeyFor !== undefined && <UpdateKeyDialog account={updateKeyFor} onUpdated={close} onClose={close} />}
      {dialog === 'add-account' && <AddAccountDialog onAdded={onAccountAdded} onClose={close} />}
    </>
  );
}
