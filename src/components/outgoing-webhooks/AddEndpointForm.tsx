"use client";

import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import { WEBHOOK_DESCRIPTION_MAX_LENGTH, WEBHOOK_URL_MAX_LENGTH } from "@/lib/limits";
import type { EndpointWithSecret } from "@/lib/outgoing-webhooks";
import { EventChoices } from "./EventChoices";

/** The events a new endpoint starts with: what a publishing automation wants. */
const DEFAULT_EVENTS = ["video.completed", "video.published"] as const;

/** Adds an outgoing webhook endpoint (URL, events, description); the server's answer carries its secret, once. */
export function AddEndpointForm({ onAdded }: { onAdded: (added: EndpointWithSecret) => void }) {
  const { pending, outcome, run } = useActionOutcome();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      url: String(data.get("url") ?? ""),
      description: String(data.get("description") ?? ""),
      events: data.getAll("events").map(String),
    };
    void run(async () => {
      const added = await fetchJson<EndpointWithSecret>("/api/admin/webhooks", {
        method: "POST",
        body: JSON.stringify(body),
      });
      form.reset();
      onAdded(added);
      return "The endpoint is added.";
    });
  }

  const errorOf = (field: string) => (outcome?.kind === "error" && outcome.field === field ? outcome.message : null);
  const urlError = errorOf("url");
  const descriptionError = errorOf("description");
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-3" noValidate aria-labelledby="add-endpoint-heading">
      <h3 id="add-endpoint-heading" className="font-semibold">
        Add an endpoint
      </h3>
      <div>
        <label htmlFor="endpoint-url" className="block text-sm font-medium">
          URL
        </label>
        <input
          id="endpoint-url"
          name="url"
          type="url"
          required
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={WEBHOOK_URL_MAX_LENGTH}
          placeholder="https://n8n.example.com/webhook/avatar-studio"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? "endpoint-url-error" : undefined}
          className={inputClass}
        />
        {urlError && (
          <p id="endpoint-url-error" role="alert" className="mt-1 text-sm text-red-700">
            {urlError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="endpoint-description" className="block text-sm font-medium">
          Description (optional)
        </label>
        <input
          id="endpoint-description"
          name="description"
          type="text"
          maxLength={WEBHOOK_DESCRIPTION_MAX_LENGTH}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? "endpoint-description-error" : undefined}
          className={inputClass}
        />
        {descriptionError && (
          <p id="endpoint-description-error" role="alert" className="mt-1 text-sm text-red-700">
            {descriptionError}
          </p>
        )}
      </div>
      <EventChoices
        idPrefix="new-endpoint"
        checked={DEFAULT_EVENTS}
        error={errorOf("events") ?? eventsItemError(outcome)}
      />
      <SubmitButton pending={pending} pendingLabel="Adding…" className={focusRing}>
        Add endpoint
      </SubmitButton>
      <ActionOutcome outcome={outcome?.kind === "done" ? null : outcome} />
    </form>
  );
}

/** A refusal naming one of the events ("events.0") shows by the events too. */
function eventsItemError(outcome: ReturnType<typeof useActionOutcome>["outcome"]): string | null {
  return outcome?.kind === "error" && outcome.field?.startsWith("events.") ? outcome.message : null;
}
