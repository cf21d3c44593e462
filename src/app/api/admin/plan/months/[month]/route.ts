import { NextResponse } from "next/server";
import { publishTimeInput } from "@/lib/plan-month";
import { route } from "@/server/http/route";
import { planMonthView, readPlanMonth, setPublishTime } from "@/server/plan/publish-time";

type Params = { month: string };

const headers = { "cache-control": "private, no-store" };

// GET /api/admin/plan/months/:month — admin: { month, publishTime "HH:MM", timeZone, custom }
export const GET = route<Params>({ admin: true }, async ({ params }) =>
  NextResponse.json(await planMonthView(readPlanMonth(params.month)), { headers }),
);

// PUT /api/admin/plan/months/:month { publishTime: "HH:MM" } — admin: when the month's approved videos become public
// on their plan dates (in PUBLISH_TIMEZONE); videos already scheduled keep their moment.
export const PUT = route<Params, typeof publishTimeInput>(
  { admin: true, body: publishTimeInput },
  async ({ params, body }) =>
    NextResponse.json(await setPublishTime(readPlanMonth(params.month), body.publishTime), { headers }),
);
