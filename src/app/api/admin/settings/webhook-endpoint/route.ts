import { NextResponse } from "next/server";
import type { SettingsAnswer } from "@/lib/settings";
import { route } from "@/server/http/route";
import { registerWebhook } from "@/server/settings/register-webhook";
import { settingsView } from "@/server/settings/settings-view";

// POST /api/admin/settings/webhook-endpoint — admin: register APP_URL's callback with HeyGen (or rotate its secret) and store the secret
export const POST = route({ admin: true }, async () => {
  const endpoint = await registerWebhook();
  return NextResponse.json({ settings: await settingsView(), endpoint } satisfies SettingsAnswer);
});
