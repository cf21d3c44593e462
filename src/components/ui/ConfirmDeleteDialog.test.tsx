import { fireEvent, render, screen } from "@testing-library/react";
import { StrictMode, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { closeEventsQueuedAsInBrowsers, nextTasks } from "../../../tests/support/dialogs";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog";

type Holding = "keyed" | "mounted while open" | "always mounted";

/** A Delete button and its dialog, held as the app holds them (see HOLDINGS). */
function DeleteButton({ holding, onClosed }: { holding: Holding; onClosed: () => void }) {
  const [deleting, setDeleting] = useState<string | null>(null);
  const dialog = (
    <ConfirmDeleteDialog
      key={holding === "keyed" ? (deleting ?? undefined) : undefined}
      open={deleting !== null}
      heading="Delete “Weekly news”?"
      action={async () => "deleted"}
      onDone={() => setDeleting(null)}
      onClose={() => {
        onClosed();
        setDeleting(null);
      }}
    >
      <p>It disappears from this app.</p>
    </ConfirmDeleteDialog>
  );
  return (
    <>
      <button type="button" onClick={() => setDeleting("video-1")}>
        Delete “Weekly news”
      </button>
      {holding === "mounted while open" ? deleting && dialog : dialog}
    </>
  );
}

const HOLDINGS: Array<[string, Holding]> = [
  ["keyed per item (the video and presenter lists)", "keyed"],
  ["mounted while open (a plan script's Delete)", "mounted while open"],
  ["always there (a batch's Cancel)", "always mounted"],
];

function openInStrictMode(holding: Holding) {
  const onClosed = vi.fn();
  render(
    <StrictMode>
      <DeleteButton holding={holding} onClosed={onClosed} />
    </StrictMode>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Delete “Weekly news”" }));
  return onClosed;
}

/** The one dialog, open or not (closed, its name is hidden with its content). */
const dialog = () => document.querySelector("dialog");

describe.each([
  ["its close event fired inside close()", () => {}],
  ["its close event queued, as browsers do", closeEventsQueuedAsInBrowsers],
])("ConfirmDeleteDialog under React's development double effect, %s", (_, setUp) => {
  setUp();

  it.each(HOLDINGS)("stays open, on Cancel, until the user closes it: %s", async (_, holding) => {
    const onClosed = openInStrictMode(holding);
    await nextTasks();
    expect(screen.getByRole("dialog", { name: "Delete “Weekly news”?" })).toBe(dialog());
    expect(dialog()?.open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));
    expect(onClosed).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await nextTasks();
    expect(dialog()?.open ?? false).toBe(false);
    expect(onClosed).toHaveBeenCalledOnce();
  });

  it.each(HOLDINGS)("opens again after a confirmed deletion closed it: %s", async (_, holding) => {
    openInStrictMode(holding);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await nextTasks();
    expect(dialog()?.open ?? false).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Delete “Weekly news”" }));
    await nextTasks();
    expect(dialog()?.open).toBe(true);
  });
});
