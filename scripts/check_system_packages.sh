#!/usr/bin/env bash
# Optional system packages for PDFs (certificates, emergency cards): the Noto CJK fonts, and
# libharfbuzz-subset, without which WeasyPrint subsets fonts slowly (8-10 s a page instead of 0.15 s).
# The site runs without them: this only says, in one line, how to install what is missing.
# No pipefail: `grep -q` stops reading early, and the writer's SIGPIPE must not count as "missing".
set -u

missing=()
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK SC"; then
    missing+=(fonts-noto-cjk)
fi
ldconfig_bin=$(command -v ldconfig || echo /sbin/ldconfig)
if ! "$ldconfig_bin" -p 2>/dev/null | grep -q "libharfbuzz-subset.so.0"; then
    missing+=(libharfbuzz-subset0)
fi

if ((${#missing[@]})); then
    echo "Note: PDFs need ${missing[*]} (optional; the site runs without): sudo apt-get install ${missing[*]}"
fi
exit 0
