import { NextResponse } from "next/server";
import { endpointInput } from "@/lib/outgoing-webhooks";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { createEndpoint, listEndpoints } from "@/server/outgoing-webhooks/endpoints";

const bearerToken = () => env.ADMIN_API_TOKEN;

// GET /api/admin/webhooks — admin or Bearer ADMIN_API_TOKEN: every outgoing webhook endpoint (never a secret)
export const GET = route({ admin: true, bearerToken }, async () =>
  NextResponse.json({ endpoints: await listEndpoints() }),
);

// POST /api/admin/webhooks { url, events, description?, enabled? } — admin or bearer: 201 with the secret, shown once
export const POST = route({ admin: true, bearerToken, body: endpointInput }, async ({ body }) =>
  NextResponse.json(await createEndpoint(body), { status: 201, headers: { "cache-control": "no-store" } }),
);
