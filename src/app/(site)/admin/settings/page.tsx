import type { Metadata } from "next";
import { OutgoingWebhooks } from "@/components/outgoing-webhooks/OutgoingWebhooks";
import { SettingsPanel } from "@/components/settings/SettingsPanel";
import { requireAdminPage } from "@/server/auth/session";
import { listEndpoints } from "@/server/outgoing-webhooks/endpoints";
import { webhookSavingDisabled } from "@/server/outgoing-webhooks/secret";
import { settingsView } from "@/server/settings/settings-view";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdminPage();
  const [settings, endpoints] = await Promise.all([settingsView(), listEndpoints()]);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="max-w-prose text-sm text-slate-700">
          What this app needs from HeyGen. Values are stored encrypted and never shown in full; a value set in the
          server&apos;s environment wins over one saved here.
        </p>
      </div>
      <SettingsPanel initial={settings} />
      <OutgoingWebhooks initial={endpoints} savingDisabled={webhookSavingDisabled()} />
    </div>
  );
}
