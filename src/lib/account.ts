/** HeyGen's billing types (GET /v3/users/me): each reports what is left in its own way. */
export type BillingType = "wallet" | "subscription" | "usage_based";

export const BILLING_TYPE_LABELS: Record<BillingType, string> = {
  wallet: "Wallet",
  subscription: "Subscription",
  usage_based: "Usage-based",
};

/** The HeyGen account in words; what HeyGen did not report is null or left out, never guessed. */
export type HeygenAccount = {
  /** Null: a billing type this app does not know, or none reported. */
  billingType: BillingType | null;
  /** What is left: "$12.50 left", "42 credits left (pro plan)". */
  balance: string | null;
  /** Other figures, one short phrase each: "40 premium + 2 add-on credits", "Spent $12 of $100 cap". */
  details: string[];
};

/** 1 → "1 credit", 1234.5 → "1,234.5 credits". */
export function formatCredits(credits: number): string {
  return `${credits.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${credits === 1 ? "credit" : "credits"}`;
}

/** An ISO date as a day: "1 Feb 2026"; null when it is not a date. */
export function formatDay(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? null
    : date.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
}
