import { NextResponse } from "next/server";
import type { SettingsAnswer } from "@/lib/settings";
import { route } from "@/server/http/route";
import { settingsView } from "@/server/settings/settings-view";

// GET /api/admin/settings — admin: each credential's source and masked value (never the value), and what can be saved
export const GET = route({ admin: true }, async () =>
  NextResponse.json({ settings: await settingsView() } satisfies SettingsAnswer, {
    headers: { "cache-control": "no-store" },
  }),
);
