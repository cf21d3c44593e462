import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import type { EndpointDetail } from "@/lib/outgoing-webhooks";

/** How often an endpoint's page reads its delivery log again. */
export const WEBHOOK_LOG_POLL_MS = 3_000;

/**
 * One outgoing webhook endpoint and its delivery log, live while the endpoint is enabled (new events may arrive any
 * time) or a message is still pending; not at all once it is disabled and nothing is left to send.
 */
export function useWebhookEndpoint(initial: EndpointDetail) {
  return useSWR<EndpointDetail>(`/api/admin/webhooks/${initial.id}`, fetchJson, {
    fallbackData: initial,
    refreshInterval: (latest = initial) =>
      latest.enabled || latest.messages.some((message) => message.status === "pending") ? WEBHOOK_LOG_POLL_MS : 0,
  });
}
