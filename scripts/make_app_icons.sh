#!/bin/sh
# The home-screen icons (web app manifest, Apple touch icon), made once from the site's emblem with
# Debian's rsvg-convert (package librsvg2-bin) and committed. Run again only when the emblem changes.
set -eu
cd "$(dirname "$0")/.."
out=static/img/icons
mkdir -p "$out"
emblem=$(sed 's/<svg[^>]*>//; s#</svg>##' static/img/emblem.svg)
# "any": the emblem on white (launchers that show transparency show a white disc, iOS never black).
padded() {  # $1 background, $2 scale of the 64-unit emblem inside a 64-unit square
    offset=$(awk "BEGIN { print 32 - 32 * $2 }")
    printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="%s"/><g transform="translate(%s %s) scale(%s)">%s</g></svg>' \
        "$1" "$offset" "$offset" "$2" "$emblem"
}
tmp=$(mktemp -d)
padded "#ffffff" 0.9 >"$tmp/any.svg"
# "maskable": the emblem inside the safe zone (a circle of 80% of the width) on the brand red.
padded "#8a0d14" 0.7 >"$tmp/maskable.svg"
for size in 192 512; do
    rsvg-convert -w "$size" -h "$size" "$tmp/any.svg" -o "$out/icon-$size.png"
    rsvg-convert -w "$size" -h "$size" "$tmp/maskable.svg" -o "$out/maskable-$size.png"
done
rsvg-convert -w 180 -h 180 "$tmp/any.svg" -o "$out/apple-touch-icon.png"
rm -r "$tmp"
ls -l "$out"
