#!/usr/bin/env bash
# Builds the fake HeyGen's sample media in src/mocks/heygen/media/: sample.mp4 (the render),
# sample.jpg (its poster frame), sample.mp3 (the voice line, served as voice previews) and
# sample.srt (the line's subtitles, served as every render's subtitle_url).
# Needs Debian's ffmpeg, espeak-ng and fonts-dejavu-core. Same tools in, same bytes out:
# bitexact flags, single-threaded x264 and no metadata keep the output reproducible.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="$root/src/mocks/heygen/media"
font="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
line="Hello! This video was rendered by the offline fake HeyGen."
seconds=5

for tool in ffmpeg espeak-ng; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y ffmpeg espeak-ng fonts-dejavu-core" >&2; exit 1; }
done
[ -f "$font" ] || { echo "missing $font: apt-get install -y fonts-dejavu-core" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out_dir"

espeak-ng -v en-us -s 165 -w "$work/voice.wav" "$line"

text() { # text SIZE Y STRING
  printf "drawtext=fontfile=%s:fontsize=%s:fontcolor=white:x=(w-text_w)/2:y=%s:text='%s'" "$font" "$1" "$2" "$3"
}
filters="$(text 48 120 'Offline demo video'),$(text 22 190 'fake HeyGen sample render'),$(text 20 300 '%{pts\:hms}')"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0x2b4a8b:s=640x360:r=25:d=$seconds" \
  -i "$work/voice.wav" \
  -filter_complex "[0:v]${filters},format=yuv420p[v];[1:a]aresample=44100,apad[a]" \
  -map "[v]" -map "[a]" -t "$seconds" \
  -c:v libx264 -preset slow -profile:v main -crf 30 -threads 1 -x264-params "threads=1" -pix_fmt yuv420p \
  -c:a aac -b:a 48k -ac 1 \
  -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  "$out_dir/sample.mp4"

ffmpeg -hide_banner -loglevel error -y -ss 1 -i "$out_dir/sample.mp4" -frames:v 1 -q:v 4 \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact "$out_dir/sample.jpg"

ffmpeg -hide_banner -loglevel error -y -i "$work/voice.wav" -c:a libmp3lame -b:a 32k -ac 1 -ar 22050 \
  -map_metadata -1 -id3v2_version 0 -write_id3v1 0 -fflags +bitexact -flags:a +bitexact "$out_dir/sample.mp3"

# SubRip cues over the render's $seconds seconds; plain text, so written as is rather than generated.
printf '%s\n' \
  "1" "00:00:00,000 --> 00:00:02,400" "Hello! This video was rendered" "" \
  "2" "00:00:02,400 --> 00:00:05,000" "by the offline fake HeyGen." >"$out_dir/sample.srt"

# The same cues as WebVTT: a translation's vtt_caption_url.
printf '%s\n' "WEBVTT" "" \
  "1" "00:00:00.000 --> 00:00:02.400" "Hello! This video was rendered" "" \
  "2" "00:00:02.400 --> 00:00:05.000" "by the offline fake HeyGen." >"$out_dir/sample.vtt"

ls -l "$out_dir/sample.mp4" "$out_dir/sample.jpg" "$out_dir/sample.mp3" "$out_dir/sample.srt" "$out_dir/sample.vtt"
