"use client";

import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { CredentialStatus } from "@/components/settings/CredentialStatus";
import { WebhookStatusReport } from "@/components/settings/WebhookStatusReport";
import type { SendSettings } from "@/components/settings/send-settings";
import { focusRing } from "@/components/ui/focus-ring";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { useHydrated } from "@/hooks/use-hydrated";
import type { SettingsView } from "@/lib/settings";

const button = `rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${focusRing}`;

/** The webhook: its signing secret's source, registration with HeyGen for APP_URL (or why that cannot work), and removal. */
export function WebhookSettings({ settings, send }: { settings: SettingsView; send: SendSettings }) {
  const hydrated = useHydrated();
  const { pending, outcome, run } = useActionOutcome();
  const { webhookSecret: secret, webhook } = settings;
  const registrable = secret.source !== "environment" && !settings.savingDisabled && webhook.registrable;

  function register() {
    void run(async () => {
      const { endpoint } = await send("webhook-endpoint", { method: "POST" });
      return endpoint?.outcome === "rotated"
        ? `HeyGen already had ${endpoint.url}: it gave it a new signing secret, now saved (the old one no longer works).`
        : `HeyGen will now send signed events to ${endpoint?.url}; the signing secret is saved.`;
    });
  }

  function remove() {
    if (
      !window.confirm(
        "Remove the saved signing secret? HeyGen's signed events are then refused until the webhook is registered again.",
      )
    )
      return;
    void run(async () => {
      await send("webhook-secret", { method: "DELETE" });
      return "The saved signing secret is removed.";
    });
  }

  return (
    <section
      aria-labelledby="webhook-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="webhook-heading" className="text-lg font-semibold">
        Webhook
      </h2>
      <p className="max-w-prose text-sm text-slate-700">
        HeyGen tells the app the moment a video is ready by posting a signed event to the address registered with it.
      </p>
      <WebhookStatusReport status={webhook} />
      <CredentialStatus
        credential={secret}
        variable="HEYGEN_SECRET"
        unset="signed events are refused; videos still complete, as the app asks HeyGen's API about them."
        again="register the webhook again"
        savingDisabled={settings.savingDisabled !== null}
      />
      <div className="flex flex-wrap items-center gap-3">
        {registrable && (
          <button
            type="button"
            onClick={register}
            disabled={pending || !hydrated}
            className={`bg-indigo-600 text-white hover:bg-indigo-700 ${button}`}
          >
            {pending
              ? "Registering with HeyGen…"
              : secret.source === "settings"
                ? "Register again (new secret)"
                : "Register the webhook"}
          </button>
        )}
        {secret.source === "settings" && (
          <button
            type="button"
            onClick={remove}
            disabled={pending || !hydrated}
            className={`border border-slate-300 text-slate-800 hover:bg-slate-50 ${button}`}
          >
            Remove the saved secret
          </button>
        )}
      </div>
      <ActionOutcome outcome={outcome} />
    </section>
  );
}
