"""The long crash set, on demand: ``python tests/crash/run_long.py --kills 200 [--seed N]``.

Prints kills, writes acknowledged, writes checked, losses and every failure
with its seed and trial; exits 1 if anything was lost or damaged. The data
folder is kept (its path is printed) when a trial fails, for a post-mortem.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.crash.harness import Campaign  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="SIGKILL the writer many times and check nothing acknowledged is lost.")
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock (printed, to rerun)")
    parser.add_argument("--root", type=Path, default=None, help="folder for the trials (default: a temporary one)")
    parser.add_argument("--spawn", action="store_true", help="a fresh interpreter per kill instead of forking")
    parser.add_argument("--keep", action="store_true", help="keep the trial folder even when all is well")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    root = args.root or Path(tempfile.mkdtemp(prefix="cchc-crash-"))
    print(f"seed {seed}, folder {root}, {'spawn' if args.spawn else 'fork'} mode", flush=True)
    started = time.monotonic()
    campaign = Campaign(root, seed, spawn=args.spawn)
    results, failures = [], []
    try:
        for index in range(args.kills):
            result = campaign.trial(index)
            results.append(result)
            if result.check.problems or not result.killed:
                failures.append(result)
                print(f"FAIL seed {seed} trial {index} (worker seed {result.worker_seed}, wait {result.wait:.3f}s):",
                      *result.check.problems, sep="\n  ", flush=True)
            if (index + 1) % 20 == 0:
                print(f"  {index + 1} kills, {result.acknowledged} writes acknowledged", flush=True)
    finally:
        campaign.close()
    summarise(results, failures, seed, time.monotonic() - started)
    if failures or args.keep:
        print(f"trial folder kept: {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failures else 0


def summarise(results, failures, seed: int, seconds: float) -> None:
    last = results[-1] if results else None
    print(f"seed:                {seed}")
    print(f"kills:               {sum(r.killed for r in results)} of {len(results)} trials ({seconds:.1f} s)")
    print(f"writes acknowledged: {last.acknowledged if last else 0}")
    print(f"writes checked:      {sum(r.check.checked for r in results)} (acknowledged records re-checked after every kill)")
    print(f"losses:              {sum(len(r.check.losses) for r in results)}")
    print(f"damage:              {sum(len(r.check.damage) for r in results)}")
    print(f"leftovers (.part/.partial, ignored as they should be): {last.check.leftovers if last else 0}")
    print(f"failed trials:       {[r.index for r in failures]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
