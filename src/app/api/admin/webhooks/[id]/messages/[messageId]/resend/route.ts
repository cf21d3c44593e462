import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { resendMessage } from "@/server/outgoing-webhooks/endpoints";

// POST /api/admin/webhooks/[id]/messages/[messageId]/resend — admin or bearer: 202, sent again from the queue
export const POST = route<{ id: string; messageId: string }>(
  { admin: true, bearerToken: () => env.ADMIN_API_TOKEN },
  async ({ params }) => {
    await resendMessage(params.id, params.messageId);
    return NextResponse.json({ queued: true }, { status: 202 });
  },
);
