"use client";

import { useState } from "react";
import { ApiKeySettings } from "@/components/settings/ApiKeySettings";
import type { SendSettings } from "@/components/settings/send-settings";
import { WebhookSettings } from "@/components/settings/WebhookSettings";
import { fetchJson } from "@/lib/fetch-json";
import type { SettingsAnswer, SettingsView } from "@/lib/settings";

export function SettingsPanel({ initial }: { initial: SettingsView }) {
  const [settings, setSettings] = useState(initial);
  const send: SendSettings = async (path, init) => {
    const answer = await fetchJson<SettingsAnswer>(`/api/admin/settings/${path}`, init);
    setSettings(answer.settings);
    return answer;
  };
  // Nothing to save when the environment provides both: no need to say saving is off.
  const everythingFromEnvironment =
    settings.heygenApiKey.source === "environment" && settings.webhookSecret.source === "environment";
  return (
    <div className="space-y-8">
      {settings.savingDisabled && !everythingFromEnvironment && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {settings.savingDisabled}
        </p>
      )}
      <ApiKeySettings settings={settings} send={send} />
      <WebhookSettings settings={settings} send={send} />
    </div>
  );
}
