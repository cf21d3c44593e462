import { formatDate } from "@/lib/format";
import type { CredentialView } from "@/lib/settings";

type Props = {
  credential: CredentialView;
  /** Its environment variable. */
  variable: string;
  /** What its absence means. */
  unset: string;
  /** How to replace a saved value that cannot be read. */
  again: string;
  savingDisabled: boolean;
};

/** Where a credential comes from and its masked value (the page never has more than that). */
export function CredentialStatus({ credential, variable, unset, again, savingDisabled }: Props) {
  const value = credential.masked && (
    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900" data-testid="masked-value">
      {credential.masked}
    </code>
  );
  if (credential.source === "environment") {
    return (
      <p className="text-sm text-slate-700">
        {value} From the environment ({variable}): change it there.
      </p>
    );
  }
  if (credential.source === "settings") {
    return (
      <p className="text-sm text-slate-700">
        {value} Saved here{credential.savedAt ? ` on ${formatDate(credential.savedAt)}` : ""}.
      </p>
    );
  }
  if (credential.unreadable) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {savingDisabled
          ? "Saved here, but this deployment has no ENCRYPTION_KEY to read it with: set the one it was saved with."
          : `Saved with a different ENCRYPTION_KEY: ${again}.`}
      </p>
    );
  }
  return <p className="text-sm text-slate-700">Not set: {unset}</p>;
}
