import { NextResponse } from "next/server";
import type { SettingsAnswer } from "@/lib/settings";
import { route } from "@/server/http/route";
import { removeWebhookSecret } from "@/server/settings/register-webhook";
import { settingsView } from "@/server/settings/settings-view";

// DELETE /api/admin/settings/webhook-secret — admin: forget the signing secret saved here (signed deliveries are then refused)
export const DELETE = route({ admin: true }, async () => {
  await removeWebhookSecret();
  return NextResponse.json({ settings: await settingsView() } satisfies SettingsAnswer);
});
