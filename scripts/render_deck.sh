#!/usr/bin/env bash
# Render a .pptx to one PNG per slide, to look at the deck as a projector would show it:
#   scripts/render_deck.sh DECK.pptx [OUT_DIR]     (default OUT_DIR: next to the deck, DECK-slides/)
# LibreOffice headless converts to PDF, pdftoppm rasterises it. Not part of the test command.
set -euo pipefail
deck=$(realpath "${1:?usage: scripts/render_deck.sh DECK.pptx [OUT_DIR]}")
out=$(realpath -m "${2:-${deck%.pptx}-slides}")
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-impress poppler-utils >/dev/null
fi
mkdir -p "$out"
rm -f "$out"/slide-*.png
# a private profile: a user's running LibreOffice or a stale lock must not block the conversion
profil=$(mktemp -d)
trap 'rm -rf "$profil"' EXIT
soffice -env:UserInstallation="file://$profil" --headless --convert-to pdf --outdir "$out" "$deck" >/dev/null
pdftoppm -png -r 96 "$out/$(basename "${deck%.pptx}").pdf" "$out/slide"
ls "$out"/slide-*.png
