#!/usr/bin/env bash
# Carry finished sweep runs across machines in git, without their checkpoints or policies.
#
#   carry.sh save ROOT NAME      copy the finished ("status":"done") runs of sweep root ROOT
#                                into docs/results/carry/NAME/runs/<id>/ (run.yaml, result.json,
#                                summary.json; no *.bin, no checkpoint/, and not the per-phase
#                                <phase>_episodes.csv, whose series result.json holds)
#   carry.sh restore NAME ROOT   copy them back into ROOT/runs/, never over a file already there
#
# A run folder counts as finished when its result.json names it (RunExecutor.read), so after
# `restore` a `reproduce`/`sweep` into ROOT skips these runs and `--render` draws from them.
# What a carried run cannot do: anything that needs its trained learner (learner.bin), e.g. a
# collab-variants run adopting its collab-curve twin, or `policy-profile`; re-run those in full.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { echo "usage: carry.sh save ROOT NAME | carry.sh restore NAME ROOT" >&2; exit 2; }
[[ $# -eq 3 ]] || usage
case "$1" in
  save)
    root="$2"; dest="$HERE/$3/runs"
    [[ -d "$root/runs" ]] || { echo "carry.sh: ROOT '$root' has no runs/ folder" >&2; exit 1; }
    n=0
    for r in "$root"/runs/*/; do
      id="$(basename "$r")"
      grep -q '"status":"done"' "$r/result.json" 2>/dev/null || continue
      grep -q "\"runId\":\"$id\"" "$r/result.json" || continue
      tmp="$dest/.$id.tmp"; rm -rf "$tmp"; mkdir -p "$tmp"
      # The per-phase CSVs (<phase>_episodes.csv) repeat result.json's series for a reader; no
      # command reads them back (renders, sweeps and the results database read result.json), and
      # they were half of a UCMS run's bytes.
      find "$r" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.json' \) -exec cp {} "$tmp/" \;
      rm -rf "${dest:?}/$id"; mv "$tmp" "$dest/$id"; n=$((n + 1))
    done
    # Saved runs that git ignores are lost with the machine (2026-11-23: a `runs/` rule ignored
    # them and nothing was committed), so refuse to report success for them.
    if [[ $n -gt 0 ]] && git -C "$HERE" check-ignore -q "$dest/$id/result.json"; then
      echo "carry.sh: git ignores $dest (see .gitignore); the saved runs would not be committed" >&2
      exit 1
    fi
    echo "carry.sh: $n finished runs of $root saved in $dest; commit them: git add $dest"
    ;;
  restore)
    src="$HERE/$2/runs"; root="$3"
    [[ -d "$src" ]] || { echo "carry.sh: NAME '$2' has no saved runs ($src)" >&2; exit 1; }
    mkdir -p "$root/runs"
    n=0
    for r in "$src"/*/; do
      id="$(basename "$r")"
      if [[ -f "$root/runs/$id/result.json" ]]; then continue; fi
      mkdir -p "$root/runs/$id"; cp -n "$r"* "$root/runs/$id/"; n=$((n + 1))
    done
    echo "carry.sh: $n runs restored into $root/runs"
    # Runs share ids across code versions; the commits they were made with say which numerics
    # they carry (a change of kernel or summation order makes later runs differ in their bits).
    commits="$(cat "$src"/*/run.yaml 2>/dev/null | sed -n 's/^  git_commit: //p' | sort | uniq -c)"
    [[ -n "$commits" ]] && echo "carry.sh: made with (runs, commit):" && echo "$commits"
    ;;
  *) usage ;;
esac
