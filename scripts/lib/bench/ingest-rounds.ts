import type { LoadSummary } from "../http-load";

/** One round of the ingest section: the trivial route, then the webhooks, back to back, from the same sender. */
export type IngestRound = { trivial: LoadSummary; webhook: LoadSummary; applied: number };

/** What the rounds add up to: the figure compared with the target is the median of their ratios. */
export type IngestVerdict = {
  ratios: number[];
  median: number;
  applied: number;
  delivered: number;
  non2xx: number;
};

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Webhook req/s ÷ trivial req/s of one round: both measured within seconds of each other. */
export const roundRatio = ({ trivial, webhook }: IngestRound) => webhook.throughput / trivial.throughput;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function ingestVerdict(rounds: IngestRound[]): IngestVerdict {
  const ratios = rounds.map(roundRatio);
  return {
    ratios,
    median: median(ratios),
    applied: sum(rounds.map((round) => round.applied)),
    delivered: sum(rounds.map((round) => round.webhook.requests)),
    non2xx: sum(rounds.map((round) => sum([...round.webhook.non2xx.values()]))),
  };
}
