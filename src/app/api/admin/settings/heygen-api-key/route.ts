import { NextResponse } from "next/server";
import { apiKeyInput, type SettingsAnswer } from "@/lib/settings";
import { route } from "@/server/http/route";
import { removeHeygenApiKey, saveHeygenApiKey } from "@/server/settings/heygen-api-key";
import { settingsView } from "@/server/settings/settings-view";

// PUT /api/admin/settings/heygen-api-key — admin: test the key with HeyGen, then store it encrypted
export const PUT = route({ admin: true, body: apiKeyInput }, async ({ body }) => {
  const account = await saveHeygenApiKey(body.apiKey);
  return NextResponse.json({ settings: await settingsView(), account } satisfies SettingsAnswer);
});

// DELETE /api/admin/settings/heygen-api-key — admin: forget the key saved here (one from the environment stays)
export const DELETE = route({ admin: true }, async () => {
  await removeHeygenApiKey();
  return NextResponse.json({ settings: await settingsView() } satisfies SettingsAnswer);
});
