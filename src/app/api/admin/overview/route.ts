import { NextResponse } from "next/server";
import { getOverview } from "@/server/overview/overview";
import { route } from "@/server/http/route";

// GET /api/admin/overview — the dashboard's figures (videos, HeyGen account, webhook health) as JSON
export const GET = route({ admin: true }, async () =>
  NextResponse.json(await getOverview(), { headers: { "cache-control": "private, no-store" } }),
);
