"use client";

import { smallButton } from "@/components/ui/buttons";
import type { MessageView } from "@/lib/outgoing-webhooks";

const STATUS_WORDS: Record<MessageView["status"], string> = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** The endpoint's messages, newest first: event, state, attempts, last answer, next retry, and Resend. */
export function DeliveryLog({
  messages,
  pending,
  onResend,
}: {
  messages: MessageView[];
  pending: boolean;
  onResend: (message: MessageView) => void;
}) {
  if (messages.length === 0) return <p className="text-sm text-slate-600">Nothing has been sent to it yet.</p>;
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200" tabIndex={0} aria-label="Delivery log">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Deliveries, newest first</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Attempts
            </th>
            <th scope="col" className="px-3 py-2">
              Last answer
            </th>
            <th scope="col" className="px-3 py-2">
              Next retry
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {messages.map((message) => (
            <tr key={message.id} data-message={message.id}>
              <td className="px-3 py-2">
                <code className="font-mono">{message.type}</code>
                <div className="text-xs text-slate-600">{message.subject}</div>
                <div className="text-xs text-slate-500">{message.id}</div>
              </td>
              <td className="px-3 py-2">{STATUS_WORDS[message.status]}</td>
              <td className="px-3 py-2">{message.attempts}</td>
              <td className="px-3 py-2">
                {message.lastStatus !== null ? `HTTP ${message.lastStatus}` : (message.lastError ?? "—")}
                <div className="text-xs text-slate-600">{when(message.lastAttemptAt)}</div>
              </td>
              <td className="px-3 py-2">{when(message.nextAttemptAt)}</td>
              <td className="px-3 py-2">
                <button
                  type="button"
                  className={smallButton}
                  disabled={pending}
                  onClick={() => onResend(message)}
                  aria-label={`Resend ${message.type} ${message.id}`}
                >
                  Resend
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
