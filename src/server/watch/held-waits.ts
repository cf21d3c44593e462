import "server-only";
import { env } from "@/server/env";
import { processWide } from "@/server/process-wide";

/**
 * How many long-polls this process holds at once: each costs a socket (a file descriptor) and a timer for up to 25 s,
 * so one client must not be able to open hundreds, nor a crowd thousands. A request past either cap is answered at
 * once, as a plain poll would be (the player then polls every few seconds instead of waiting).
 */
class HeldWaits {
  private total = 0;
  private readonly byClient = new Map<string, number>();

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerClient: number,
  ) {}

  /**
   * A slot for `client`'s wait, as the function that gives it back (call it once); null when a cap is reached.
   * `client` null: the address is unknown (no TRUST_PROXY), so only the total cap applies; one count shared by
   * every viewer would let ten waits refuse everyone else's.
   */
  take(client: string | null): (() => void) | null {
    const mine = client === null ? 0 : (this.byClient.get(client) ?? 0);
    if (this.total >= this.maxTotal || mine >= this.maxPerClient) return null;
    this.total++;
    if (client !== null) this.byClient.set(client, mine + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total--;
      if (client === null) return;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }
}

/** One count per process, with the caps the environment gives (LONG_POLL_MAX_HELD, LONG_POLL_MAX_PER_CLIENT). */
export const heldWaits = () =>
  processWide("heldWaits", () => new HeldWaits(env.LONG_POLL_MAX_HELD, env.LONG_POLL_MAX_PER_CLIENT));
