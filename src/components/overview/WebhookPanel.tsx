import { formatAge, formatDate } from "@/lib/format";
import { TURNED_AWAY_LABELS, type WebhookHealth } from "@/lib/overview";
import { WebhookStatusReport } from "@/components/settings/WebhookStatusReport";
import { Fact, Facts, Panel, TextLink, Warning } from "./Panel";

const SECRET_SOURCES = {
  environment: "Set (HEYGEN_SECRET environment variable)",
  settings: "Set (saved in Settings)",
} as const;

/** Whether HeyGen's webhooks reach the app and pass its signature check. */
export function WebhookPanel({ health }: { health: WebhookHealth }) {
  const { secretSource, status, lastVerifiedAt, rejectedLastDay, lastRejection, turnedAwayLastDay } = health;
  return (
    <Panel id="webhooks" title="Webhooks">
      <Facts>
        <Fact term="Signing secret">{secretSource ? SECRET_SOURCES[secretSource] : "Not set"}</Fact>
        <Fact term="Last verified event">
          {lastVerifiedAt ? `${formatDate(lastVerifiedAt)} (${formatAge(lastVerifiedAt)})` : "None in the last 30 days"}
        </Fact>
        <Fact term="Refused, last 24 h">
          {rejectedLastDay}
          {lastRejection && <span className="block text-xs text-slate-600">Latest: {lastRejection}</span>}
        </Fact>
        <Fact term="Not stored, last 24 h">
          {turnedAwayLastDay.length === 0 ? (
            "None"
          ) : (
            <ul data-testid="webhook-turned-away">
              {turnedAwayLastDay.map(({ reason, count, busiestMinute, lastAt }) => (
                <li key={reason}>
                  {TURNED_AWAY_LABELS[reason]}: {count}{" "}
                  <span className="text-xs text-slate-600">
                    (at most {busiestMinute} a minute; latest {formatAge(lastAt)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </Facts>
      <WebhookStatusReport status={status} problemAction={<TextLink href="/admin/settings">Open Settings</TextLink>} />
      {rejectedLastDay > 0 && (
        <Warning settingsLink>
          Deliveries were refused in the last 24 hours. If their signatures do not match, the secret here is not the one
          HeyGen signs with.
        </Warning>
      )}
    </Panel>
  );
}
