import { NotFoundMessage } from "@/components/site/NotFoundMessage";

/** An unknown (or mistyped) video id: answered with status 404. */
export default function VideoNotFound() {
  return (
    <NotFoundMessage title="Video not found">
      There is no video at this address. The link may be mistyped, or the video may have been removed.
    </NotFoundMessage>
  );
}
