import { NextResponse } from "next/server";
import { hasBearerToken } from "@/server/auth/bearer";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";
import { reconcileDue } from "@/server/reconcile/reconcile-due";

const reconcile = route({ allowCrossOrigin: true }, async ({ request, note }) => {
  if (!env.CRON_SECRET) throw new AppError("cron_not_configured", "Set CRON_SECRET to use this route.");
  if (!hasBearerToken(request, env.CRON_SECRET))
    throw new AppError("unauthorized", "A valid Authorization: Bearer token is required.");
  const summary = await reconcileDue();
  note(summary);
  return NextResponse.json(summary, { headers: { "cache-control": "no-store" } });
});

// POST /api/cron/reconcile — Authorization: Bearer <CRON_SECRET>: check stale videos with HeyGen now.
// GET too: Vercel Cron calls its paths with GET and that header.
export { reconcile as GET, reconcile as POST };
