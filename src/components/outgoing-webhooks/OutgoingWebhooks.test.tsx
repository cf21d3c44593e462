import { act, fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { api } from "../../../tests/support/dom";
import type { EndpointWithSecret } from "@/lib/outgoing-webhooks";
import { OutgoingWebhooks } from "./OutgoingWebhooks";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** POST /api/admin/webhooks answered by `answer`; the bodies sent are collected. */
function serveCreate(answer: (body: Record<string, unknown>) => Response) {
  const sent: Array<Record<string, unknown>> = [];
  api.use(
    http.post("/api/admin/webhooks", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      return answer(body);
    }),
  );
  return sent;
}

const created = (body: Record<string, unknown>): EndpointWithSecret => ({
  endpoint: {
    id: "ep_1",
    url: String(body.url),
    description: null,
    events: body.events as EndpointWithSecret["endpoint"]["events"],
    enabled: true,
    disabledReason: null,
    createdAt: new Date().toISOString(),
  },
  secret: SECRET,
});

async function submit(url: string) {
  fireEvent.change(screen.getByLabelText("URL"), { target: { value: url } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Add endpoint" }));
  });
  // The request and its answer go through MSW's own promises: let them settle on fake time.
  for (let turn = 0; turn < 20; turn++) await act(() => Promise.resolve());
}

describe("OutgoingWebhooks: adding an endpoint", () => {
  it("sends the URL and the chosen events, lists the endpoint, and shows its secret once with Copy", async () => {
    const sent = serveCreate((body) => HttpResponse.json(created(body), { status: 201 }));
    render(<OutgoingWebhooks initial={[]} savingDisabled={null} />);
    expect(screen.getByText("No endpoints yet.")).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/batch\.finished/));
    fireEvent.click(screen.getByLabelText(/video\.completed/));

    await submit("https://n8n.example.com/hook");

    expect(sent).toEqual([
      { url: "https://n8n.example.com/hook", description: "", events: ["video.published", "batch.finished"] },
    ]);
    expect(screen.getByRole("link", { name: "https://n8n.example.com/hook" }).getAttribute("href")).toBe(
      "/admin/settings/webhooks/ep_1",
    );
    expect(screen.getByText(SECRET)).toBeTruthy();
    expect(screen.getByText(/it is not shown again/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy the signing secret" })).toBeTruthy();
    // The form is empty again for the next one.
    expect((screen.getByLabelText("URL") as HTMLInputElement).value).toBe("");
  });

  it("shows the server's refusal at the field it names, as an alert, and keeps what was typed", async () => {
    serveCreate(() =>
      HttpResponse.json(
        {
          error: {
            code: "invalid_input",
            field: "url",
            message: "url must not point to a private, loopback or otherwise non-public address (127.0.0.1)",
          },
        },
        { status: 400 },
      ),
    );
    render(<OutgoingWebhooks initial={[]} savingDisabled={null} />);
    await submit("http://127.0.0.1/hook");

    const input = screen.getByLabelText("URL") as HTMLInputElement;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const alert = document.getElementById(input.getAttribute("aria-describedby")!)!;
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toMatch(/^url must not point to a private/);
    expect(input.value).toBe("http://127.0.0.1/hook");
    expect(screen.queryByText(/whsec_/)).toBeNull();
  });

  it("a refusal of the events shows by the events", async () => {
    serveCreate(() =>
      HttpResponse.json(
        { error: { code: "invalid_input", field: "events", message: "Choose at least one event." } },
        { status: 400 },
      ),
    );
    render(<OutgoingWebhooks initial={[]} savingDisabled={null} />);
    fireEvent.click(screen.getByLabelText(/video\.completed/));
    fireEvent.click(screen.getByLabelText(/video\.published/));
    await submit("https://n8n.example.com/hook");
    const group = screen.getByRole("group", { name: "Events" });
    expect(group.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe("Choose at least one event.");
  });

  it("without ENCRYPTION_KEY says why and offers no form", () => {
    render(<OutgoingWebhooks initial={[]} savingDisabled="Outgoing webhooks need an ENCRYPTION_KEY." />);
    expect(screen.getByText("Outgoing webhooks need an ENCRYPTION_KEY.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add endpoint" })).toBeNull();
  });
});
