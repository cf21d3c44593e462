import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { rotateSecret } from "@/server/outgoing-webhooks/endpoints";

// POST /api/admin/webhooks/[id]/secret — admin or bearer: a new signing secret, shown once (the old one stops at once)
export const POST = route<{ id: string }>({ admin: true, bearerToken: () => env.ADMIN_API_TOKEN }, async ({ params }) =>
  NextResponse.json(await rotateSecret(params.id), { headers: { "cache-control": "no-store" } }),
);
