import type { OptionsDraft } from "@/lib/studio-draft";

/**
 * What every group of "More options" fields receives from GenerationOptionsFields. In a file of its own so that
 * the groups need not import the component that renders them.
 */
export type OptionsFieldsProps = {
  draft: OptionsDraft;
  onChange: (patch: Partial<OptionsDraft>) => void;
  /** The refusal naming this API field (or one inside it), to show beside it. */
  errorFor: (field: string) => React.ReactNode;
};
