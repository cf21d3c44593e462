"use client";

import { useEffect, useEffectEvent, useRef } from "react";

type Options = {
  /** Shown while true (default: while mounted). */
  open?: boolean;
  /** The user closed it (Escape, or a button calling the dialog's close()); never called when `open` turns false. */
  onClose: () => void;
  /** Just shown: where focus starts, when not on the first focusable element. */
  onShow?: () => void;
};

/**
 * Shows a native modal <dialog> (attach the returned ref to it; give it no onClose of its own) and tells when the
 * user closes it. The one place every dialog of the app opens and closes, because it must be idempotent: React's
 * development mode runs each effect twice (show, close, show), and the browser queues the `close` event of that
 * first close. By the time it arrives the dialog is open again, so it is not the user's: ignored. Without this,
 * under `next dev`, every dialog closed itself within a few milliseconds of opening.
 */
export function useModalDialog({ open = true, onClose, onShow }: Options) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closed = useEffectEvent(onClose);
  const shown = useEffectEvent(() => onShow?.());

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    const onCloseEvent = () => {
      if (!element.open) closed();
    };
    element.addEventListener("close", onCloseEvent);
    if (!element.open) element.showModal();
    shown();
    return () => {
      // Removed first: a close we cause is not the user's, wherever its event arrives (now, or queued for later).
      element.removeEventListener("close", onCloseEvent);
      element.close();
    };
  }, [open]);

  return dialog;
}
