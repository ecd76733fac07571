#!/usr/bin/env python3
"""Builds src/ComplaintRules/Features/Data/traditional-simplified.txt: traditional Chinese characters folded to
simplified, one character to one character.

The pairs come from ICU's Traditional-Simplified transform (Unicode, Inc.; see THIRD-PARTY-NOTICES.md), read through
ICU's `uconv` tool (Debian: icu-devtools), over the CJK Unified Ideographs and Extension A. A character kept is one
whose transform is a single different character; chains are resolved, so one table lookup folds fully. Two pairs of
the project's own (HAND below) win where the transform reads otherwise. The output is deterministic:

    python3 eval/fold/build_traditional_table.py > src/ComplaintRules/Features/Data/traditional-simplified.txt
"""
import subprocess
import sys

HEADER = """# Traditional -> simplified Chinese: FROM TO, several pairs a line. Built by eval/fold/build_traditional_table.py
# from ICU's Traditional-Simplified transform (Unicode, Inc.; THIRD-PARTY-NOTICES.md) and two pairs of the project's
# own. Only characters whose simplified form differs are listed."""

# The project's own pairs where the transform reads otherwise: 噁心 is 恶心, and 帳 folds with 賬 (账户, 账单).
HAND = {"噁": "恶", "帳": "账"}


def icu_pairs():
    chars = [chr(c) for c in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000))]
    out = subprocess.run(["uconv", "-x", "Traditional-Simplified"], input="\n".join(chars) + "\n",
                         capture_output=True, text=True, check=True).stdout.split("\n")
    if len(out) < len(chars):
        sys.exit("uconv returned fewer lines than it was given")
    return {c: s for c, s in zip(chars, out) if len(s) == 1 and s != c}


def main():
    pairs = icu_pairs()
    pairs.update(HAND)
    # Resolve chains (A -> B, B -> C becomes A -> C) so one lookup folds fully; drop pairs that fold to themselves.
    for c in list(pairs):
        seen, s = {c}, pairs[c]
        while s in pairs and s not in seen:
            seen.add(s)
            s = pairs[s]
        pairs[c] = s
    items = sorted((c, s) for c, s in pairs.items() if c != s)
    print(HEADER)
    for i in range(0, len(items), 16):
        print(" ".join(c + s for c, s in items[i:i + 16]))


if __name__ == "__main__":
    main()
