// The accounts part of the contract (ipc/contract.ts re-exports it): saved keys as the renderer may know
// them, and the requests that add, rename or re-key one. Nothing secret appears in any type here.

/** How well the OS protects the stored keys (Electron safeStorage). */
export interface StorageProtection {
  /** safeStorage backend, e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text'. */
  backend: string;
  /** 'os': a real keyring/OS protection; 'weak': a fixed-key fallback; 'unavailable': cannot encrypt at all. */
  level: 'os' | 'weak' | 'unavailable';
  /** The user consented, in main's native dialog, to weak protection on this backend (only when level is 'weak'). */
  weakAccepted: boolean;
  /** The stored consent to weak protection, whatever protects the keys now; withdrawn in Settings. */
  weakConsent: WeakProtectionConsent | null;
}

/** A consent to weak protection, given in a native dialog, for the backend it names only. */
export interface WeakProtectionConsent {
  backend: string;
  acceptedAt: string;
}

/** What withdrawing the consent did (after main's native confirmation): keys removed or re-sealed by a keyring. */
export interface WeakConsentWithdrawal {
  withdrawn: boolean;
  removed: number;
  resealed: number;
}

export interface AccountCheck {
  at: string;
  ok: boolean;
  message?: string;
}

/** What the renderer may know about a stored key: never the secret, never the full key. */
export interface AccountSummary {
  id: string;
  label: string;
  keyFingerprint: string;
  addedAt: string;
  hasOtp: boolean;
  demo: boolean;
  lastCheck: AccountCheck | null;
}

/** A key as the user enters it (add account, update key): sent to main once, never sent back. */
export interface KeyInput {
  apiKey: string;
  apiSecret: string;
  otp?: string;
}

export interface AddAccountRequest extends KeyInput {
  label: string;
}

export interface RenameAccountRequest {
  id: string;
  label: string;
}

/**
 * "Update key": a new API key, private key and optional 2FA password for a saved account, which keeps its
 * id, name and history. Main checks the new key with Kraken before replacing anything.
 */
export interface UpdateKeyRequest extends KeyInput {
  id: string;
}
