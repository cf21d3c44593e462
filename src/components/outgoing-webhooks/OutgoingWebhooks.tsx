"use client";

import Link from "next/link";
import { useState } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import type { EndpointView, EndpointWithSecret } from "@/lib/outgoing-webhooks";
import { AddEndpointForm } from "./AddEndpointForm";
import { SecretOnce } from "./SecretOnce";

/** Settings' "Outgoing webhooks": the endpoints (each linked to its page), and the form that adds one. */
export function OutgoingWebhooks({
  initial,
  savingDisabled,
}: {
  initial: EndpointView[];
  savingDisabled: string | null;
}) {
  const [endpoints, setEndpoints] = useState(initial);
  const [added, setAdded] = useState<EndpointWithSecret | null>(null);

  function onAdded(result: EndpointWithSecret) {
    setEndpoints((current) => [...current, result.endpoint]);
    setAdded(result);
  }

  return (
    <section
      aria-labelledby="outgoing-webhooks-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="outgoing-webhooks-heading" className="text-lg font-semibold">
        Outgoing webhooks
      </h2>
      <p className="max-w-prose text-sm text-slate-700">
        Tell other systems (n8n, Zapier, a CMS) when a video is ready, fails or is published, and when a batch has
        finished. Each delivery is signed per the Standard Webhooks specification and retried for more than a day.
      </p>
      {endpoints.length === 0 ? (
        <p className="text-sm text-slate-600">No endpoints yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3 text-sm">
              <Link
                href={`/admin/settings/webhooks/${endpoint.id}`}
                className={`min-w-0 font-medium text-indigo-700 underline [overflow-wrap:anywhere] ${focusRing}`}
              >
                {endpoint.description ?? endpoint.url}
              </Link>
              <span className="text-slate-600">
                {endpoint.enabled ? "Enabled" : "Disabled"} · {endpoint.events.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {added && <SecretOnce secret={added.secret} url={added.endpoint.url} />}
      {savingDisabled ? (
        <p className="text-sm text-amber-900">{savingDisabled}</p>
      ) : (
        <AddEndpointForm onAdded={onAdded} />
      )}
    </section>
  );
}
