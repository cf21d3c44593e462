import { fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../../tests/support/dom";
import { closeEventsQueuedAsInBrowsers, nextTasks } from "../../../tests/support/dialogs";
import { EditScriptButton } from "./EditScriptDialog";

const SCRIPT = {
  id: "script-1",
  date: "2034-03-02",
  title: "Monday hello",
  script: "Hello, everyone.",
  presenter: { id: "anna", name: "Anna" },
  tag: null,
};
const TARGETS = { presenters: [{ id: "anna", name: "Anna" }], tags: ["news"] };

/** The Edit button of a plan row, in development's StrictMode, under the App Router's context as on the plan page. */
function openInStrictMode() {
  const router = { refresh: vi.fn() } as unknown as AppRouterInstance;
  render(
    <StrictMode>
      <AppRouterContext.Provider value={router}>
        <EditScriptButton script={SCRIPT} targets={TARGETS} />
      </AppRouterContext.Provider>
    </StrictMode>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Edit “Monday hello”" }));
  return router;
}

const dialog = () => document.querySelector("dialog");

describe.each([
  ["its close event fired inside close()", () => {}],
  ["its close event queued, as browsers do", closeEventsQueuedAsInBrowsers],
])("Editing a plan script under React's development double effect, %s", (_, setUp) => {
  setUp();

  it("keeps the dialog open to type into, until Cancel", async () => {
    openInStrictMode();
    await nextTasks();
    const edit = screen.getByRole("dialog", { name: "Edit “Monday hello”" });
    expect(edit).toBe(dialog());
    expect(dialog()?.open).toBe(true);
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Monday greeting" } });
    await nextTasks();
    expect(screen.getByLabelText("Title")).toHaveProperty("value", "Monday greeting");

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await nextTasks();
    expect(dialog()).toBeNull(); // unmounted: the next Edit starts from the saved script
  });

  it("saves, closes and reads the plan again", async () => {
    const sent: unknown[] = [];
    api.use(
      http.put("/api/admin/plan/scripts/:id", async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ ...SCRIPT, title: "Monday greeting" });
      }),
    );
    const router = openInStrictMode();
    await nextTasks();
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Monday greeting" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await nextTasks();
    expect(sent).toEqual([expect.objectContaining({ title: "Monday greeting", presenterId: "anna" })]);
    expect(router.refresh).toHaveBeenCalledOnce();
    expect(dialog()).toBeNull();
  });
});
