import axe from "axe-core";
import type { Page } from "playwright-core";

export type Violation = { rule: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core in the page as it stands and returns what it finds with impact "serious" or "critical", one
 * line per rule with the elements concerned. The page's CSP refuses inline scripts without its nonce, so axe is
 * evaluated through the browser's debugging protocol, which the CSP does not govern, rather than added as a script.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${axe.source};undefined`);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
  );
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
