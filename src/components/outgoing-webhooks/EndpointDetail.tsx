"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { focusRing } from "@/components/ui/focus-ring";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { useWebhookEndpoint } from "@/hooks/use-webhook-endpoint";
import { fetchJson } from "@/lib/fetch-json";
import type { EndpointDetail as Detail, EndpointWithSecret, MessageView } from "@/lib/outgoing-webhooks";
import { DeliveryLog } from "./DeliveryLog";
import { EventChoices } from "./EventChoices";
import { SecretOnce } from "./SecretOnce";

/** An endpoint's page: its events, enable/disable, a new secret, delete, and the live delivery log with Resend. */
export function EndpointDetail({ initial }: { initial: Detail }) {
  const { data: endpoint = initial, mutate } = useWebhookEndpoint(initial);
  const { pending, outcome, run } = useActionOutcome();
  const [secret, setSecret] = useState<string | null>(null);
  const router = useRouter();
  const path = `/api/admin/webhooks/${endpoint.id}`;

  const change = (body: Record<string, unknown>, done: string) =>
    run(async () => {
      await fetchJson(path, { method: "PATCH", body: JSON.stringify(body) });
      await mutate();
      return done;
    });

  function onSaveEvents(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const events = new FormData(event.currentTarget).getAll("events").map(String);
    void change({ events }, "The events are saved.");
  }

  function rotate() {
    if (!window.confirm("Make a new signing secret? The current one stops working at once.")) return;
    void run(async () => {
      const answer = await fetchJson<EndpointWithSecret>(`${path}/secret`, { method: "POST" });
      setSecret(answer.secret);
      return "A new secret is made.";
    });
  }

  function remove() {
    if (!window.confirm("Delete this endpoint and its delivery log? Nothing more is sent to it.")) return;
    void run(async () => {
      await fetchJson(path, { method: "DELETE" });
      router.push("/admin/settings");
      return "The endpoint is deleted.";
    });
  }

  const resend = (message: MessageView) =>
    run(async () => {
      await fetchJson(`${path}/messages/${message.id}/resend`, { method: "POST" });
      await mutate();
      return `${message.type} is being sent again.`;
    });

  const eventsError = outcome?.kind === "error" && outcome.field?.startsWith("events") ? outcome.message : null;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold [overflow-wrap:anywhere]">
          {endpoint.description ?? "Webhook endpoint"}
        </h1>
        <p className="font-mono text-sm [overflow-wrap:anywhere]">{endpoint.url}</p>
        <p className="text-sm text-slate-700">
          {endpoint.enabled ? "Enabled: events are sent to it." : "Disabled: nothing is sent to it."}
          {endpoint.disabledReason && ` ${endpoint.disabledReason}`}
        </p>
      </div>
      {secret && <SecretOnce secret={secret} url={endpoint.url} />}
      <ActionOutcome outcome={outcome?.kind === "error" && outcome.field?.startsWith("events") ? null : outcome} />
      <section
        aria-labelledby="endpoint-settings-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="endpoint-settings-heading" className="text-lg font-semibold">
          Settings
        </h2>
        <form method="post" onSubmit={onSaveEvents} className="space-y-3" noValidate>
          <EventChoices
            key={endpoint.events.join()}
            idPrefix="endpoint"
            checked={endpoint.events}
            error={eventsError}
          />
          <SubmitButton pending={pending} pendingLabel="Saving…" className={focusRing}>
            Save events
          </SubmitButton>
        </form>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={smallButton}
            disabled={pending}
            onClick={() =>
              void change(
                { enabled: !endpoint.enabled },
                endpoint.enabled ? "The endpoint is disabled." : "The endpoint is enabled.",
              )
            }
          >
            {endpoint.enabled ? "Disable" : "Enable"}
          </button>
          <button type="button" className={smallButton} disabled={pending} onClick={rotate}>
            New signing secret
          </button>
          <button type="button" className={smallDangerButton} disabled={pending} onClick={remove}>
            Delete endpoint
          </button>
        </div>
      </section>
      <section aria-labelledby="delivery-log-heading" className="space-y-3">
        <h2 id="delivery-log-heading" className="text-lg font-semibold">
          Deliveries
        </h2>
        <DeliveryLog messages={endpoint.messages} pending={pending} onResend={(message) => void resend(message)} />
      </section>
    </div>
  );
}
