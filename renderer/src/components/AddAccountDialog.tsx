import type { ReactNode } from 'react';
import type { AccountSummary } from '../../../ipc/contract.ts';
import { AddAccountForm } from './AddAccountForm.tsx';
import { Dialog } from './Dialog.tsx';
import { KeyInstructions } from './KeyInstructions.tsx';

interface AddAccountDialogProps {
  onAdded: (account: AccountSummary) => void;
  onClose: () => void;
}

export function AddAccountDialog({ onAdded, onClose }: AddAccountDialogProps): ReactNode {
  return (
    <Dialog title="Add a Kraken account" onClose={onClose} className="dialog-narrow">
      <div className="dialog-body">
        <KeyInstructions />
        <AddAccountForm onAdded={onAdded} autoFocus />
      </div>
    </Dialog>
  );
}
