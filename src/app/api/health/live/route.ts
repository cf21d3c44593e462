import { NextResponse } from "next/server";
import { route } from "@/server/http/route";

// GET /api/health/live — liveness: the process answers, without touching the database (the bench's baseline route)
export const GET = route({}, async () => NextResponse.json({ ok: true }, { headers: { "cache-control": "no-store" } }));
