import { EVENT_LABELS, OUTGOING_EVENT_TYPES, type OutgoingEventType } from "@/lib/outgoing-webhooks";

/** The events an endpoint subscribes to, as checkboxes in a fieldset (named `events`, read with FormData.getAll). */
export function EventChoices({
  idPrefix,
  checked,
  error,
}: {
  idPrefix: string;
  checked: readonly OutgoingEventType[];
  error: string | null;
}) {
  const errorId = `${idPrefix}-events-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">Events</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {OUTGOING_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="events"
              value={type}
              defaultChecked={checked.includes(type)}
              className="mt-1"
            />
            <span>
              <code className="font-mono">{type}</code>: {EVENT_LABELS[type]}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
