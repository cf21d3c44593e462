import { BILLING_TYPE_LABELS } from "@/lib/account";
import type { AccountReport } from "@/lib/overview";
import { Fact, Facts, NotReported, Panel, Warning } from "./Panel";

/** What is left on the HeyGen account, whatever its billing type; why not, when HeyGen could not say. */
export function AccountPanel({ report }: { report: AccountReport }) {
  const { account } = report;
  return (
    <Panel id="account" title="HeyGen account">
      {account === null ? (
        <Warning settingsLink>{report.problem} The rest of this page comes from the app&apos;s own records.</Warning>
      ) : (
        <Facts>
          <Fact term="Billing">{account.billingType ? BILLING_TYPE_LABELS[account.billingType] : <NotReported />}</Fact>
          <Fact term="Left">{account.balance ?? <NotReported />}</Fact>
          {account.details.length > 0 && (
            <Fact term="Details">
              <ul>
                {account.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            </Fact>
          )}
        </Facts>
      )}
    </Panel>
  );
}
