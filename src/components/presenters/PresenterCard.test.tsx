import { fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import type { PresenterEntry } from "@/lib/presenter";
import { nextTasks } from "../../../tests/support/dialogs";
import { api, describedBy } from "../../../tests/support/dom";
import { SWRConfig } from "swr";
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

describe("PresenterCard: the languages its plan videos are translated into", () => {
  const LANGUAGES = [
    { name: "Hindi (India)", tag: "hi-IN" },
    { name: "Japanese", tag: "ja" },
    { name: "Spanish (Spain)", tag: "es-ES" },
  ];

  /** The card with HeyGen's languages served, PATCH answered by `answer` (given the body sent); its onChange spy. */
  function renderCard(answer: (body: { languages: string[] }) => Response) {
    const sent: unknown[] = [];
    api.use(
      http.get("/api/admin/translations/languages", () => HttpResponse.json({ languages: LANGUAGES })),
      http.patch("/api/admin/presenters/:id", async ({ request }) => {
        const body = (await request.json()) as { languages: string[] };
        sent.push(body);
        return answer(body);
      }),
    );
    const onChange = vi.fn();
    render(
      <SWRConfig value={{ provider: () => new Map() }}>
        <ul>
          <PresenterCard presenter={{ ...ANNA, languages: ["Japanese"] }} onChange={onChange} onDelete={vi.fn()} />
        </ul>
      </SWRConfig>,
    );
    return { sent, onChange };
  }

  const picker = () => screen.getByRole("combobox", { name: "Translate plan videos into" });

  it("shows them on the card, picks more from HeyGen's list and saves them all with PATCH", async () => {
    const { sent, onChange } = renderCard((body) => HttpResponse.json({ ...ANNA, languages: body.languages }));
    expect(screen.getByTestId("presenter-languages").textContent).toBe("Japanese");
    fireEvent.click(screen.getByRole("button", { name: "Edit languages" }));
    await nextTasks();
    fireEvent.change(picker(), { target: { value: "spa" } });
    fireEvent.keyDown(picker(), { key: "Enter" });
    fireEvent.click(screen.getByRole("button", { name: "Save languages" }));
    await nextTasks();
    expect(sent).toEqual([{ languages: ["Japanese", "Spanish (Spain)"] }]);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ languages: ["Japanese", "Spanish (Spain)"] }));
    expect(screen.queryByRole("form", { name: "Languages of Anna" })).toBeNull();
  });

  it("says a refusal naming languages under the picker, which it describes, and keeps the choice", async () => {
    const message = "A presenter has at most 10 languages.";
    const { onChange } = renderCard(() =>
      HttpResponse.json({ error: { code: "invalid_input", message, field: "languages" } }, { status: 400 }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Edit languages" }));
    await nextTasks();
    fireEvent.click(screen.getByRole("button", { name: "Remove Japanese" }));
    fireEvent.click(screen.getByRole("option", { name: /Hindi/ }));
    fireEvent.click(screen.getByRole("button", { name: "Save languages" }));
    await nextTasks();
    expect(describedBy(picker())).toBe(message);
    expect(picker().getAttribute("aria-invalid")).toBe("true");
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toEqual([message]);
    expect(within(screen.getByRole("list", { name: /chosen/ })).getAllByRole("listitem")).toHaveLength(1);
    expect(onChange).not.toHaveBeenCalled();
  });
});
