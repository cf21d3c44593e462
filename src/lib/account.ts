import { formatUsd } from "./cost";

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

/** A pool of credits as HeyGen reports it; null: not reported. */
export type CreditPool = { remaining: number | null; resetsAt: string | null };

/**
 * What HeyGen reports of the account (GET /v3/users/me), figure by figure, as its client reads it: the section of
 * the account's billing type is filled, and any figure HeyGen did not report (or reported in another shape) is null.
 */
export type HeygenAccountFigures = {
  billingType: BillingType | null;
  /** `currency`: "usd", or "credits" for Enterprise wallets, in whatever case HeyGen writes it. */
  wallet: { remainingBalance: number | null; currency: string | null } | null;
  subscription: { plan: string | null; premiumCredits: CreditPool | null; addOnCredits: CreditPool | null } | null;
  usageBased: {
    remainingCredits: number | null;
    spendingCapUsd: number | null;
    spendingCurrentUsd: number | null;
  } | null;
};

/** The account in words, per billing type: what is left, and HeyGen's other figures. Nothing unreported is guessed. */
export function describeHeygenAccount(figures: HeygenAccountFigures): HeygenAccount {
  return { billingType: figures.billingType, ...describeBalance(figures) };
}

function describeBalance({
  billingType,
  wallet,
  subscription,
  usageBased,
}: HeygenAccountFigures): Pick<HeygenAccount, "balance" | "details"> {
  const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const phrases = (...candidates: Array<string | null | false>) =>
    candidates.filter((phrase): phrase is string => !!phrase);
  switch (billingType) {
    case "wallet": {
      const left = wallet?.remainingBalance ?? null;
      const amount = left === null ? null : formatAmount(left, wallet?.currency ?? null);
      return { balance: amount && `${amount} left`, details: [] };
    }
    case "subscription": {
      const plan = subscription?.plan ?? null;
      const [premiumLeft, addOnLeft] = [
        subscription?.premiumCredits?.remaining ?? null,
        subscription?.addOnCredits?.remaining ?? null,
      ];
      const left = premiumLeft === null && addOnLeft === null ? null : (premiumLeft ?? 0) + (addOnLeft ?? 0);
      const resetsAt = subscription?.premiumCredits?.resetsAt;
      const renews = resetsAt ? formatDay(resetsAt) : null;
      return {
        balance: left === null ? null : `${formatCredits(left)} left${plan ? ` (${plan} plan)` : ""}`,
        details: phrases(
          left === null && plan && `${plan} plan`,
          premiumLeft !== null && !!addOnLeft && `${count(premiumLeft)} premium + ${count(addOnLeft)} add-on credits`,
          renews && `Premium credits renew on ${renews}`,
        ),
      };
    }
    case "usage_based": {
      const left = usageBased?.remainingCredits ?? null;
      const spent = usageBased?.spendingCurrentUsd ?? null;
      const cap = usageBased?.spendingCapUsd ?? null;
      return {
        balance: left === null ? null : `${formatCredits(left)} left`,
        details: phrases(
          spent !== null && cap !== null && `Spent ${formatUsd(spent)} of ${formatUsd(cap)} cap`,
          spent !== null && cap === null && `Spent ${formatUsd(spent)} (no cap reported)`,
          spent === null && cap !== null && `Spending cap ${formatUsd(cap)}`,
        ),
      };
    }
    default:
      return { balance: null, details: [] };
  }
}

/**
 * A wallet's balance in its currency, whatever its case: "$12.50", "1,000 credits", and any other currency as the
 * number with its code ("12.50 EUR"); null when HeyGen did not say which currency.
 */
function formatAmount(amount: number, currency: string | null): string | null {
  const code = currency?.trim();
  if (!code) return null;
  switch (code.toLowerCase()) {
    case "usd":
      return formatUsd(amount);
    case "credits":
      return formatCredits(amount);
    default:
      return `${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${code.toUpperCase()}`;
  }
}
