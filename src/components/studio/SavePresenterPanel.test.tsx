import { fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { Presenter } from "@/lib/presenter";
import { initialStudioDraft } from "@/lib/studio-draft";
import { nextTasks } from "../../../tests/support/dialogs";
import { api, asked, describedBy } from "../../../tests/support/dom";
import { SavePresenterPanel } from "./SavePresenterPanel";

const TAKEN = "A presenter already has this name.";
const draft = { ...initialStudioDraft(null), lookId: "look_1" };

/** POST /api/admin/presenters answers each save in turn: the first refuses the name as taken, the next saves. */
function presentersRoute() {
  const sent: Record<string, unknown>[] = [];
  api.use(
    http.post("/api/admin/presenters", async ({ request }) => {
      const body = (await request.json()) as Presenter;
      sent.push(body);
      return sent.length === 1
        ? HttpResponse.json({ error: { code: "conflict", message: TAKEN, field: "name" } }, { status: 409 })
        : HttpResponse.json({ ...body, id: "p1" }, { status: 201 });
    }),
  );
  return sent;
}

/** The panel opened, `name` and `tags` typed, "Save presenter" pressed and the answer read. */
async function saveAs(name: string, tags = "") {
  if (!screen.queryByRole("button", { name: "Save presenter" })) {
    fireEvent.click(screen.getByRole("button", { name: "Save as presenter" }));
  }
  fireEvent.change(screen.getByLabelText("Presenter name"), { target: { value: name } });
  fireEvent.change(screen.getByLabelText("Tags"), { target: { value: tags } });
  fireEvent.click(screen.getByRole("button", { name: "Save presenter" }));
  await nextTasks();
}

describe("SavePresenterPanel: a taken name shows by its field", () => {
  it("says a taken name under the name field, which describes it and has focus, and nowhere else", async () => {
    presentersRoute();
    render(<SavePresenterPanel draft={draft} />);
    await saveAs("Anna", "morning");

    const name = screen.getByLabelText("Presenter name");
    expect(describedBy(name)).toBe(TAKEN);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toEqual([TAKEN]);
    expect(screen.getAllByText(TAKEN)).toHaveLength(1);
    expect(screen.queryByRole("status")).toBeNull();
    expect(describedBy(screen.getByLabelText("Tags"))).toBe("Optional, separated by commas, such as morning, news");
  });

  it("clears the refusal when another name is saved, and says it was saved", async () => {
    const sent = presentersRoute();
    render(<SavePresenterPanel draft={draft} />);
    await saveAs("Anna");
    await saveAs("Anna Two", "Morning, news");

    expect(sent.map(({ name, tags }) => ({ name, tags }))).toEqual([
      { name: "Anna", tags: [] },
      { name: "Anna Two", tags: ["morning", "news"] },
    ]);
    expect(screen.queryByText(TAKEN)).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("Saved “Anna Two” as a presenter. See the presenters");

    fireEvent.click(screen.getByRole("button", { name: "Save as presenter" }));
    const name = screen.getByLabelText("Presenter name");
    expect(name.hasAttribute("aria-invalid")).toBe(false);
    expect(name.hasAttribute("aria-describedby")).toBe(false);
  });

  it("says an empty name under the field before asking the server", async () => {
    render(<SavePresenterPanel draft={draft} />);
    await saveAs("  ");

    const name = screen.getByLabelText("Presenter name");
    expect(asked()).toEqual([]);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
    expect(describedBy(name)).toBe("Give the presenter a name.");
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toEqual(["Give the presenter a name."]);
  });
});
