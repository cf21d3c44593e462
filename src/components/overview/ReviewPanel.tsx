import { formatDate } from "@/lib/format";
import type { ReviewFigures } from "@/lib/overview";
import { Fact, Facts, Panel, TextLink } from "./Panel";

const videos = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "video" : "videos"}`;

/** What waits for review (linked to the queue) and what is approved and waits for its publish moment. */
export function ReviewPanel({ review }: { review: ReviewFigures }) {
  return (
    <Panel id="review" title="Review and publishing">
      <Facts>
        <Fact term="Awaiting review">
          {review.awaitingReview === 0 ? (
            "Nothing"
          ) : (
            <>
              {`${videos(review.awaitingReview)}: `}
              <TextLink href="/admin/review">review them</TextLink>
            </>
          )}
        </Fact>
        <Fact term="Scheduled">
          {review.scheduled === 0
            ? "Nothing"
            : `${videos(review.scheduled)}, the next public on ${formatDate(review.nextPublishAt!)}`}
        </Fact>
      </Facts>
      <p className="text-xs text-slate-600">
        Drafts are seen by admins only until approved; an approved plan video is public on its plan date.
      </p>
    </Panel>
  );
}
