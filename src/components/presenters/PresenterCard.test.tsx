import { fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import type { PresenterEntry } from "@/lib/presenter";
import { nextTasks } from "../../../tests/support/dialogs";
import { api, describedBy } from "../../../tests/support/dom";
import { PresenterCard } from "./PresenterCard";

const ANNA: PresenterEntry = {
  id: "anna",
  name: "Anna",
  avatarId: "look_1",
  voiceId: null,
  aspectRatio: "16:9",
  resolution: "1080p",
  options: { captions: "sidecar", outputFormat: "mp4" },
  tags: ["morning"],
  languages: [],
  active: true,
  lookName: "Anna in blue",
  previewImageUrl: null,
  voiceName: null,
};

/** The card, its name and tags being edited to `name` and `tags`, saved, and the server refusing with `error`. */
async function refusedRename(name: string, tags: string, error: { code: string; message: string; field?: string }) {
  api.use(http.patch("/api/admin/presenters/:id", () => HttpResponse.json({ error }, { status: 409 })));
  const card = render(
    <ul>
      <PresenterCard presenter={ANNA} onChange={vi.fn()} onDelete={vi.fn()} />
    </ul>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Edit name and tags" }));
  const form = screen.getByRole("form", { name: "Edit Anna" });
  fireEvent.change(within(form).getByLabelText("Name"), { target: { value: name } });
  fireEvent.change(within(form).getByLabelText("Tags"), { target: { value: tags } });
  fireEvent.click(within(form).getByRole("button", { name: "Save" }));
  await nextTasks();
  return { form, card };
}

describe("PresenterCard: a refused rename shows by its field", () => {
  it("says a taken name under the name field, which describes it and has focus, and nowhere else", async () => {
    const { form } = await refusedRename("Ben", "morning", {
      code: "conflict",
      message: "A presenter already has this name.",
      field: "name",
    });
    const name = within(form).getByLabelText("Name");
    expect(describedBy(name)).toBe("A presenter already has this name.");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
    expect(screen.getAllByText("A presenter already has this name.")).toHaveLength(1);
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toEqual([
      "A presenter already has this name.",
    ]);
    expect(describedBy(within(form).getByLabelText("Tags"))).toBe("Separated by commas, such as morning, news");
  });

  it("says a refused tag under the tags field, after its hint", async () => {
    const { form } = await refusedRename("Anna", "x".repeat(80), {
      code: "invalid_input",
      message: "tags.0 is too long",
      field: "tags.0",
    });
    const tags = within(form).getByLabelText("Tags");
    expect(describedBy(tags)).toBe("Separated by commas, such as morning, news | tags.0 is too long");
    expect(within(form).getByLabelText("Name").hasAttribute("aria-describedby")).toBe(false);
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toEqual(["tags.0 is too long"]);
  });

  it("says a refusal naming no field below the card, as an alert", async () => {
    await refusedRename("Anna", "morning", { code: "conflict", message: "Another admin changed it." });
    expect(screen.getByRole("alert").textContent).toBe("Another admin changed it.");
  });
});
