import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { WebhookHealth } from "@/lib/overview";
import { webhookStatus, type WebhookFacts } from "@/lib/webhook-status";
import { WebhookPanel } from "./WebhookPanel";

const facts: WebhookFacts = {
  appUrl: "https://videos.example.test",
  secretSource: "environment",
  lastVerifiedAt: null,
  heygenOnThisMachine: false,
};

const health: WebhookHealth = {
  secretSource: "environment",
  lastVerifiedAt: null,
  status: webhookStatus(facts),
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

describe("WebhookPanel: says what is true of the deliveries (issue 16, bug 10)", () => {
  const justNow = new Date().toISOString();
  const panelWith = (changed: Partial<WebhookFacts>) => {
    const all = { ...facts, ...changed };
    render(<WebhookPanel health={{ ...health, lastVerifiedAt: all.lastVerifiedAt, status: webhookStatus(all) }} />);
    return screen.getByTestId("overview-webhooks");
  };

  it("an http APP_URL beside a verified event just now: deliveries arrive, and no warning says otherwise", () => {
    const panel = panelWith({ appUrl: "http://127.0.0.1:3000", lastVerifiedAt: justNow });
    expect(panel.textContent).toContain("Signed events arrive: the last one was verified just now.");
    expect(panel.textContent).not.toMatch(/only by polling|cannot call back|not https/);
    expect(within(panel).queryByTestId("webhook-problem")).toBeNull();
    expect(within(panel).getByText("http://127.0.0.1:3000/api/heygen/callback")).toBeTruthy();
  });

  it("http with the fake HeyGen on this machine and nothing yet: none arrived, and http is said to be fine", () => {
    const panel = panelWith({ appUrl: "http://127.0.0.1:3000", heygenOnThisMachine: true });
    expect(panel.textContent).toContain("No signed event has arrived in the last 30 days.");
    expect(panel.textContent).toContain("It is http, which is fine here");
    expect(within(panel).queryByTestId("webhook-problem")).toBeNull();
  });

  it("http with the real HeyGen and nothing arrived: the one warning says why and what to do", () => {
    const panel = panelWith({ appUrl: "http://videos.example.test" });
    expect(within(panel).getByTestId("webhook-problem").textContent).toMatch(
      /^APP_URL \(http:\/\/videos\.example\.test\) is not https, and HeyGen posts only to a public https address/,
    );
  });

  it("the callback URL has a Copy button that copies it", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const panel = panelWith({});
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Copy the callback URL" })));
    expect(within(panel).getByText("Copied.")).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith("https://videos.example.test/api/heygen/callback");
  });
});
