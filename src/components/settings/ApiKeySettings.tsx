"use client";

import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { CredentialStatus } from "@/components/settings/CredentialStatus";
import type { SendSettings } from "@/components/settings/send-settings";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { API_KEY_MAX_LENGTH, type SettingsView } from "@/lib/settings";

/** The HeyGen API key: its source, a form that tests a new key with HeyGen before saving it, and removal. */
export function ApiKeySettings({ settings, send }: { settings: SettingsView; send: SendSettings }) {
  const { pending, outcome, run } = useActionOutcome();
  const credential = settings.heygenApiKey;
  const editable = credential.source !== "environment" && !settings.savingDisabled;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const apiKey = String(new FormData(form).get("apiKey") ?? "");
    void run(async () => {
      const { account } = await send("heygen-api-key", { method: "PUT", body: JSON.stringify({ apiKey }) });
      form.reset();
      return `HeyGen accepted the key and it is saved${account?.balance ? ` (${account.balance})` : ""}.`;
    });
  }

  function remove() {
    if (!window.confirm("Remove the saved HeyGen API key? Generating videos stops until a key is added again.")) return;
    void run(async () => {
      await send("heygen-api-key", { method: "DELETE" });
      return "The saved key is removed.";
    });
  }

  const fieldError = outcome?.kind === "error" && outcome.field === "apiKey" ? outcome.message : null;
  return (
    <section
      aria-labelledby="api-key-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="api-key-heading" className="text-lg font-semibold">
        HeyGen API key
      </h2>
      <CredentialStatus
        credential={credential}
        variable="HEYGEN_API_KEY"
        unset="generating videos is off until a key is added."
        again="enter it again"
        savingDisabled={settings.savingDisabled !== null}
      />
      {editable && (
        <form method="post" onSubmit={onSubmit} className="space-y-3" noValidate>
          <div>
            <label htmlFor="api-key" className="block text-sm font-medium">
              {credential.source === "settings" ? "Replace it with a new key" : "API key"}
            </label>
            <p id="api-key-hint" className="text-sm text-slate-600">
              From HeyGen → Settings → API. HeyGen is asked whether it accepts the key before it is saved.
            </p>
            <input
              id="api-key"
              name="apiKey"
              type="password"
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={API_KEY_MAX_LENGTH}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? "api-key-hint api-key-error" : "api-key-hint"}
              className={inputClass}
            />
            {fieldError && (
              <p id="api-key-error" role="alert" className="mt-1 text-sm text-red-700">
                {fieldError}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={pending} pendingLabel="Testing with HeyGen…" className={focusRing}>
              Test and save
            </SubmitButton>
            {credential.source === "settings" && (
              <button
                type="button"
                onClick={remove}
                disabled={pending}
                className={`rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 ${focusRing}`}
              >
                Remove the saved key
              </button>
            )}
          </div>
        </form>
      )}
      <ActionOutcome outcome={outcome} />
    </section>
  );
}
