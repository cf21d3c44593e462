import { act } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

/**
 * happy-dom fires a <dialog>'s `close` event inside close(); browsers queue it as a task, which runs after React has
 * finished the commit that closed the dialog (and, in development, opened it again). Within a describe block, this
 * makes close() behave as browsers' does: the dialog shuts at once, its event arrives with the next task.
 */
export function closeEventsQueuedAsInBrowsers() {
  const ownClose = HTMLDialogElement.prototype.close;
  beforeEach(() => {
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
      if (!this.open) return;
      this.removeAttribute("open");
      this.returnValue = returnValue ?? "";
      setTimeout(() => this.dispatchEvent(new Event("close")));
    };
  });
  afterEach(() => {
    HTMLDialogElement.prototype.close = ownClose;
  });
}

/** Queued tasks (the dialogs' close events among them) run, and React applies what they set. */
export const nextTasks = () => act(() => vi.advanceTimersByTimeAsync(50).then(() => undefined));
