import { ok, type ApiRoute } from "./api";

export type BillingType = "wallet" | "subscription" | "usage_based";

type Credits = { readonly remaining: number; readonly spent: number };

const nextMonth = () => {
  const date = new Date();
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString();
};

/**
 * `GET /v3/users/me` (UserMeGet): exactly one of wallet / subscription / usage_based is filled, per `billing_type`.
 * Every figure counts the fake's credits (one per created video), so a test can watch them go down.
 */
function billing(type: BillingType, credits: Credits, initialCredits: number) {
  const remaining = Math.max(0, credits.remaining);
  switch (type) {
    case "wallet":
      // The Enterprise variant, counted in credits, so that the balance is the fake's credit count.
      return {
        wallet: {
          currency: "credits",
          remaining_balance: remaining,
          auto_reload: { enabled: false, amount_usd: null, threshold_usd: null },
        },
      };
    case "subscription":
      return {
        subscription: {
          plan: "pro",
          credits: {
            premium_credits: { remaining, resets_at: nextMonth() },
            add_on_credits: { remaining: 0, resets_at: null },
          },
        },
      };
    case "usage_based":
      // Jobs fail once the included credits are spent, so nothing is ever billed beyond them.
      return {
        usage_based: {
          included_credits: initialCredits,
          remaining_credits: remaining,
          spending_cap_usd: 100,
          spending_current_usd: 0,
        },
      };
  }
}

export function userHandlers(
  route: ApiRoute,
  options: { billingType: BillingType; initialCredits: number; credits: Credits },
) {
  return [
    route("get", "/v3/users/me", () =>
      ok({
        username: "offline-fake-heygen",
        email: "offline@fake-heygen.invalid",
        first_name: "Offline",
        last_name: "Fake",
        billing_type: options.billingType,
        wallet: null,
        subscription: null,
        usage_based: null,
        ...billing(options.billingType, options.credits, options.initialCredits),
      }),
    ),
  ];
}
