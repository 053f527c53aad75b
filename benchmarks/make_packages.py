"""Make many communes' packages for the receiving side's benchmarks and tests: N packages into OUT.

    python benchmarks/make_packages.py N OUT [--years K] [--first-year Y] [--jobs J] [--seed S]
                                             [--tamper K] [--duplicates K] [--no-folders]

One package per commune and year (``N`` counts packages: ``1500 OUT --years 10`` is 150 communes ×
10 years, the last ``--first-year + K - 1``, by default 2026), each exported on 5 December of its
year, as the app writes them (the folder and its .zip; ``--no-folders`` keeps only the .zip, as the
province receives them by e-mail). Every commune goes through the app's own services: a template
data folder per worker (the expensive part: a fresh folder, the demo's officials and offices) is
copied per commune, then given its profile (names from the seed, some of them phường), superiors,
officials' names, each year's plans (task counts and titles drawn from the demo's), checkpoint
statuses and PAR self-scores (a few communes score exactly like another: ties in the ranking),
award nominations on some years, then ``build_package``. Contents: plan and scores always, the
year's progress report on about a third, the award dossier where there is one.

``--tamper K`` alters one paper in K packages after they are written (verify refuses them);
``--duplicates K`` exports K commune-years a second time, five hours later, after one more
checkpoint is marked done (the receiver keeps the newer and lists the other as replaced).
The same seed makes the same communes, names and scores.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GENERATOR_VERSION = "1"  # change it when the packages change: run.py's cache is named by it
LAST_YEAR = 2026
TIE_EVERY = 25  # every 25th commune scores exactly like the one before it
REPORT_SHARE = 1 / 3
DOSSIER_SHARE = 0.1
BEFORE_MERGER_SET, AFTER_MERGER_SET = 2024, 2025  # the shipped PAR sets' years: before and after 1 July 2025


# ----------------------------------------------------------------------------- one worker


_TEMPLATE: Path | None = None  # this worker's template data folder


def _start_worker(scratch: str) -> None:
    global _TEMPLATE
    _TEMPLATE = Path(tempfile.mkdtemp(prefix="mau-", dir=scratch)) / "data"
    make_template(_TEMPLATE)


def make_template(folder: Path) -> None:
    """A fresh data folder with the demo's officials and offices (renamed per commune later)."""
    from app.paths import DataFolder
    from app.resources import load_json
    from app.services.offices import OfficeData, add_office, set_official_office
    from app.services.officials import OfficialData, add_official
    from app.services.profile import set_drafting_office
    from app.startup import open_store

    demo = load_json("demo", "commune.json")
    store, _ = open_store(DataFolder(folder))
    try:
        fields = OfficialData.__dataclass_fields__
        people = {entry["full_name"]: add_official(store, OfficialData(
            **{key: value for key, value in entry.items() if key in fields})).value.id for entry in demo["officials"]}
        offices = {entry["kind"]: add_office(store, OfficeData(entry["kind"], entry["name"], people.get(entry["head"]),
                                                               active_from=date.fromisoformat(demo["founded"]))).value
                   for entry in demo["offices"]}
        for entry in demo["officials"]:
            if entry.get("office") in offices:
                set_official_office(store, people[entry["full_name"]], offices[entry["office"]])
        set_drafting_office(store, offices[demo["drafting_office"]])
    finally:
        store.close()


def make_commune(job: tuple) -> list[str]:
    """One commune's data folder from the template, its years filled, its packages written; their names."""
    from app.paths import DataFolder
    from app.startup import open_store

    commune, years, seed, out, dossier_years, duplicate_years, zip_only = job
    folder = _TEMPLATE.parent / f"xa-{commune.number}"
    shutil.copytree(_TEMPLATE, folder)  # the template's backups come along: no daily backup per commune
    store, _ = open_store(DataFolder(folder))
    try:
        fill(store, commune, years, seed, dossier_years)
        written = [package(store, commune, year, seed, out, year in dossier_years, zip_only) for year in years]
        for year in duplicate_years:
            one_more_done(store, year)
            written.append(package(store, commune, year, seed, out, year in dossier_years, zip_only, later=True))
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return written


def fill(store, commune, years: list[int], seed: int, dossier_years: set[int]) -> None:
    """Profile, officials and every year's plans, statuses and scores: one undo step, one transaction."""
    from app.domain.criteria import PAR
    from app.resources import load_json
    from app.services.criteria_sets import list_sets

    from benchmarks import package_variety as vary
    from benchmarks.package_dossier import nominations

    rng = random.Random(f"{seed}-commune-{commune.number}")
    twin = commune.number - 1 if commune.number % TIE_EVERY == TIE_EVERY - 1 else commune.number
    templates = load_json("demo", "plans-2024.json")["plans"]
    sets = {summary.year: summary.id for summary in list_sets(store, PAR)}
    with store.action(f"Tạo dữ liệu {commune.unit_word} {commune.name}"):
        people = vary.profile_and_people(store, commune, rng)
        for year in years:
            score_rng = random.Random(f"{seed}-scores-{twin}-{year}")
            diligence = score_rng.uniform(0.55, 0.97)
            vary.plans(store, commune, year, templates, rng)
            vary.statuses(store, year, rng, diligence)
            vary.scores(store, year, sets[BEFORE_MERGER_SET if year < 2025 else AFTER_MERGER_SET], score_rng, diligence)
            if year in dossier_years:
                nominations(store, commune, year, people, rng)


def one_more_done(store, year: int) -> None:
    """The clerk marks one more checkpoint done before sending again."""
    from app.services.checklist import set_status, year_checklist

    row = next((row for row in year_checklist(store, year) if row.status != "done"), None)
    if row is not None:
        set_status(store, row.occurrence_id, "done", date(year, 12, 5), now=datetime(year, 12, 5, 11))


def package(store, commune, year: int, seed: int, out: Path, dossier: bool, zip_only: bool,
            later: bool = False) -> str:
    from app.errors import UserError
    from app.exporters.package import PackageRequest, build_package

    rng = random.Random(f"{seed}-package-{commune.number}-{year}")
    contents = ("plan", "report", "scores") if rng.random() < REPORT_SHARE else ("plan", "scores")
    contents += ("dossier",) if dossier else ()
    day = date(year, 12, 5)
    now = datetime(year, 12, 5, 14 if later else 9, rng.randint(0, 59))
    try:
        result = build_package(store, PackageRequest(year, contents, "year", today=day), out, now=now)
    except UserError as error:  # a dossier the app finds not ready goes without it, said on stderr
        if not dossier:
            raise
        print(f"{commune.name} {year}: no dossier ({error})", file=sys.stderr)
        result = build_package(store, PackageRequest(year, contents[:-1], "year", today=day), out, now=now)
    if zip_only:
        shutil.rmtree(result.folder)
    return result.name


# ----------------------------------------------------------------------------- the whole run


def plan_jobs(count: int, years: int, first_year: int, seed: int, duplicates: int, out: Path,
              zip_only: bool) -> list[tuple]:
    """Each commune's job: its years (the last commune may have fewer), its dossier and duplicate years."""
    from benchmarks.package_variety import communes

    made = communes(-(-count // years), seed)
    rng = random.Random(f"{seed}-jobs")
    pairs = [(commune.number, first_year + n) for commune in made for n in range(years)][:count]
    twice = set(rng.sample(pairs, min(duplicates, len(pairs))))
    jobs = []
    for commune in made:
        mine = [year for number, year in pairs if number == commune.number]
        dossier_years = {year for year in mine if rng.random() < DOSSIER_SHARE}
        again = sorted(year for number, year in twice if number == commune.number)
        jobs.append((commune, mine, seed, out, dossier_years, again, zip_only))
    return jobs


def tamper(out: Path, count: int, seed: int) -> list[str]:
    """One paper altered in ``count`` packages (in the folder and in the zip alike); their names."""
    import zipfile

    zips = sorted(out.glob("*.zip"))
    chosen = random.Random(f"{seed}-tamper").sample(zips, min(count, len(zips)))
    for path in chosen:
        with zipfile.ZipFile(path) as archive:
            entries = [(info, archive.read(info)) for info in archive.infolist()]
        victim = next(info.filename for info, _ in entries if info.filename.endswith(".pdf"))
        altered = path.with_suffix(".zip.tmp")
        with zipfile.ZipFile(altered, "w") as archive:
            for info, data in entries:
                archive.writestr(info, data + b"\n% sua\n" if info.filename == victim else data)
        os.replace(altered, path)
        inside = out / victim
        if inside.is_file():
            with inside.open("ab") as paper:
                paper.write(b"\n% sua\n")
    return [path.stem for path in chosen]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many packages (communes × years)")
    parser.add_argument("out", type=Path, help="where the packages go (made if missing; must be empty)")
    parser.add_argument("--years", type=int, default=1, help="years per commune (default 1)")
    parser.add_argument("--first-year", type=int, help=f"the first year (default: the last is {LAST_YEAR})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPUs)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tamper", type=int, default=0, metavar="K", help="alter one paper in K packages")
    parser.add_argument("--duplicates", type=int, default=0, metavar="K", help="export K commune-years twice")
    parser.add_argument("--no-folders", action="store_true", help="keep only the .zip of each package")
    args = parser.parse_args(argv)
    if args.count < 1 or args.years < 1 or args.jobs < 1:
        parser.error("N, --years and --jobs must be at least 1")
    out = args.out.expanduser().resolve()
    if out.exists() and any(out.iterdir()):
        parser.error(f"{out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    first_year = args.first_year or LAST_YEAR - args.years + 1
    started = time.perf_counter()
    jobs = plan_jobs(args.count, args.years, first_year, args.seed, args.duplicates, out, args.no_folders)
    written = run_jobs(jobs, args.jobs)
    tampered = tamper(out, args.tamper, args.seed) if args.tamper else []
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file()) / 2**20
    print(f"{len(written)} packages of {len(jobs)} communes ({first_year}–{first_year + args.years - 1}) in {out}: "
          f"{size:.1f} MB; {len(tampered)} tampered, {args.duplicates} exported twice; "
          f"made in {time.perf_counter() - started:.1f} s on {args.jobs} job(s)")
    for name in tampered:
        print(f"tampered: {name}")
    return 0


def run_jobs(jobs: list[tuple], workers: int) -> list[str]:
    """The communes on ``workers`` processes, each with its own template; the package names written."""
    with tempfile.TemporaryDirectory(prefix="cchc-make-packages-") as scratch:
        if workers == 1:
            _start_worker(scratch)
            return [name for job in jobs for name in make_commune(job)]
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited SQLite handles
        with context.Pool(workers, _start_worker, (scratch,)) as pool:
            return [name for names in pool.imap_unordered(make_commune, jobs) for name in names]


if __name__ == "__main__":
    sys.exit(main())
