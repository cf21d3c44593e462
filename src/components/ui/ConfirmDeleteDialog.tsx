"use client";

import { ConfirmDialog, type ConfirmDialogProps, type ConfirmLabels } from "@/components/ui/ConfirmDialog";

type Props<T> = Omit<ConfirmDialogProps<T>, "labels" | "tone"> & {
  /** Other words for a destructive action that is not a deletion ("Cancel the batch"); Delete and Cancel by default. */
  labels?: ConfirmLabels;
};

const DELETE_LABELS = { confirm: "Delete", pending: "Deleting…", dismiss: "Cancel" };

/** Asks before something is deleted (or otherwise destroyed): a ConfirmDialog with a red Delete, focus on Cancel. */
export function ConfirmDeleteDialog<T>({ labels = DELETE_LABELS, ...props }: Props<T>) {
  return <ConfirmDialog {...props} labels={labels} tone="danger" />;
}
