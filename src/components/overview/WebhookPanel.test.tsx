import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WebhookHealth } from "@/lib/overview";
import { WebhookPanel } from "./WebhookPanel";

const health: WebhookHealth = {
  secretSource: "environment",
  appUrl: "https://videos.example.test",
  appUrlWarning: null,
  lastVerifiedAt: null,
  rejectedLastDay: 3,
  lastRejection: "Signature does not match the body",
  turnedAwayLastDay: [],
};

describe("WebhookPanel: posts counted instead of stored", () => {
  it("lists each reason of the last 24 hours with its count and busiest minute", () => {
    const lastAt = new Date(Date.now() - 5 * 60_000).toISOString();
    render(
      <WebhookPanel
        health={{
          ...health,
          turnedAwayLastDay: [
            { reason: "unknown_video", count: 40, busiestMinute: 25, lastAt },
            { reason: "bad_signature", count: 3, busiestMinute: 2, lastAt },
          ],
        }}
      />,
    );
    const items = within(screen.getByTestId("webhook-turned-away")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Unsigned, naming no video of this app: 40 (at most 25 a minute; latest 5 minutes ago)",
      "Signature does not match the body: 3 (at most 2 a minute; latest 5 minutes ago)",
    ]);
  });

  it("says None when nothing was turned away", () => {
    render(<WebhookPanel health={health} />);
    expect(screen.getByText("Not stored, last 24 h").nextSibling?.textContent).toBe("None");
  });
});
