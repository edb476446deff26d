#!/bin/sh
# Install or upgrade Uppföljaren from this unpacked folder, or remove it.
#   ./install.sh                  per user: ~/.local/opt/uppfoljaren, ~/.local/bin, menu entry
#   sudo ./install.sh /usr/local  for every user of the machine
#   ./install.sh --uninstall [PREFIX]
# Only the program folder is replaced or removed. The officers' data stay where
# platformdirs puts them (~/.local/share/uppfoljaren), so an upgrade keeps every follow-up.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = "--uninstall" ]; then UNINSTALL=1; shift; else UNINSTALL=0; fi
PREFIX="${1:-$HOME/.local}"
TARGET="$PREFIX/opt/uppfoljaren"
APPS="$PREFIX/share/applications"
ICONS="$PREFIX/share/icons/hicolor/256x256/apps"

if [ "$UNINSTALL" = 1 ]; then
  rm -rf "$TARGET" "$PREFIX/bin/uppfoljaren" "$APPS/uppfoljaren.desktop" "$ICONS/uppfoljaren.png"
  echo "Uppföljaren är avinstallerad från $PREFIX (dina data finns kvar)."
  exit 0
fi

mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$APPS" "$ICONS"
# Copy next to the old version, then swap, so a failed copy leaves the old one working.
rm -rf "$TARGET.new" "$TARGET.old"
cp -a "$HERE" "$TARGET.new"
if [ -d "$TARGET" ]; then mv "$TARGET" "$TARGET.old"; fi
mv "$TARGET.new" "$TARGET"
rm -rf "$TARGET.old"
ln -sfn "$TARGET/uppfoljaren" "$PREFIX/bin/uppfoljaren"
sed "s|^Exec=.*|Exec=$PREFIX/bin/uppfoljaren|" "$HERE/share/applications/uppfoljaren.desktop" \
  > "$APPS/uppfoljaren.desktop"
cp "$HERE/share/icons/hicolor/256x256/apps/uppfoljaren.png" "$ICONS/uppfoljaren.png"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" || true
echo "Uppföljaren $("$TARGET/uppfoljaren" --version | cut -d' ' -f2) är installerad i $TARGET."
