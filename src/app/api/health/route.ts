import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { route } from "@/server/http/route";

// GET /api/health — 200 when PostgreSQL answers, 503 when it does not (for load balancers and monitors)
export const GET = route({}, async () => {
  await db.$queryRaw`SELECT 1`;
  return NextResponse.json({ ok: true, database: "up" }, { headers: { "cache-control": "no-store" } });
});
