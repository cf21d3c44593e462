import { NextResponse } from "next/server";
import { endpointPatch } from "@/lib/outgoing-webhooks";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { deleteEndpoint, endpointDetail, updateEndpoint } from "@/server/outgoing-webhooks/endpoints";

const bearerToken = () => env.ADMIN_API_TOKEN;

// GET /api/admin/webhooks/[id] — admin or bearer: the endpoint and its delivery log
export const GET = route<{ id: string }>({ admin: true, bearerToken }, async ({ params }) =>
  NextResponse.json(await endpointDetail(params.id)),
);

// PATCH /api/admin/webhooks/[id] { url?, events?, description?, enabled? } — admin or bearer
export const PATCH = route<{ id: string }, typeof endpointPatch>(
  { admin: true, bearerToken, body: endpointPatch },
  async ({ params, body }) => NextResponse.json({ endpoint: await updateEndpoint(params.id, body) }),
);

// DELETE /api/admin/webhooks/[id] — admin or bearer: the endpoint and its log
export const DELETE = route<{ id: string }>({ admin: true, bearerToken }, async ({ params }) => {
  await deleteEndpoint(params.id);
  return new NextResponse(null, { status: 204 });
});
