"""What makes one generated commune differ from the next (``make_packages.py``): names, plans, statuses, scores.

Everything here is drawn from a ``random.Random`` seeded by the generator's seed and the commune's
number, so a commune is the same whichever worker builds it, and goes into the commune's data
folder through the app's own services (profile, officials, superiors, plan import, checklist,
scoring, dossier), the way the clerk's typing would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from app.domain.vietnamese import fold

# Provinces as they stand since 1 July 2025 (Resolution 202/2025/QH15): (name, "tỉnh" | "thành phố").
PROVINCES = (
    ("Quảng Ngãi", "tỉnh"), ("Gia Lai", "tỉnh"), ("Đắk Lắk", "tỉnh"), ("Lâm Đồng", "tỉnh"), ("Khánh Hòa", "tỉnh"),
    ("Nghệ An", "tỉnh"), ("Thanh Hóa", "tỉnh"), ("Hà Tĩnh", "tỉnh"), ("Quảng Trị", "tỉnh"), ("Tây Ninh", "tỉnh"),
    ("Đồng Tháp", "tỉnh"), ("Vĩnh Long", "tỉnh"), ("An Giang", "tỉnh"), ("Cà Mau", "tỉnh"), ("Phú Thọ", "tỉnh"),
    ("Tuyên Quang", "tỉnh"), ("Lào Cai", "tỉnh"), ("Thái Nguyên", "tỉnh"), ("Ninh Bình", "tỉnh"),
    ("Hưng Yên", "tỉnh"), ("Bắc Ninh", "tỉnh"), ("Lạng Sơn", "tỉnh"), ("Sơn La", "tỉnh"), ("Huế", "thành phố"),
    ("Đà Nẵng", "thành phố"), ("Cần Thơ", "thành phố"), ("Hải Phòng", "thành phố"),
)
MAIN_PROVINCE_SHARE = 0.85  # the rest: packages that reached this province's office from another one
WARD_SHARE = 0.2  # phường among the units
SYLLABLES = (
    "Hòa", "Bình", "Tân", "Phú", "An", "Long", "Mỹ", "Phước", "Thạnh", "Hưng", "Đông", "Tây", "Nam", "Bắc",
    "Xuân", "Đức", "Vĩnh", "Quảng", "Thuận", "Hải", "Trung", "Nghĩa", "Sơn", "Thái", "Gia", "Kim", "Ngọc",
    "Hương", "Lộc", "Thịnh", "Thắng", "Lợi", "Hiệp", "Khánh", "Định", "Điền", "Châu", "Lâm", "Thủy", "Hà",
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai")
MIDDLE_MEN = ("Văn", "Hữu", "Minh", "Đức", "Quốc", "Thanh", "Công", "Đình")
MIDDLE_WOMEN = ("Thị", "Thu", "Ngọc", "Thanh", "Kim", "Thị Thu", "Thị Ngọc", "Diệu")
GIVEN_MEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quang", "Sơn",
             "Thắng", "Trung", "Tuấn", "Vinh", "Hiếu", "Lộc", "Tâm", "Đạt")
GIVEN_WOMEN = ("Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
               "Oanh", "Phương", "Thảo", "Trang", "Uyên", "Vân", "Yến", "Nhung")
STATUS_REASON = "Không phát sinh trong kỳ"


@dataclass(frozen=True)
class Commune:
    number: int
    name: str
    unit_kind: str  # "xa" | "phuong"
    province: str
    province_kind: str
    district: str  # the district it belonged to before 1 July 2025
    chairman: str
    clerk: str

    @property
    def unit_word(self) -> str:
        return "phường" if self.unit_kind == "phuong" else "xã"


def person(rng: random.Random, woman: bool | None = None) -> tuple[str, bool]:
    """A plausible Vietnamese full name (NFC, with its diacritics) and whether she is a woman."""
    woman = rng.random() < 0.5 if woman is None else woman
    middle = rng.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN)
    return f"{rng.choice(SURNAMES)} {middle} {rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN)}", woman


def communes(count: int, seed: int) -> list[Commune]:
    """``count`` communes with names unique even folded to ASCII (the package's name is the folded one)."""
    rng = random.Random(f"communes-{seed}")
    main = rng.choice(PROVINCES)
    used: set[str] = set()
    made = []
    for number in range(count):
        while True:
            name = " ".join(rng.sample(SYLLABLES, 3 if rng.random() < 0.3 else 2))
            if fold(name).replace(" ", "") not in used:
                used.add(fold(name).replace(" ", ""))
                break
        province, kind = main if rng.random() < MAIN_PROVINCE_SHARE else rng.choice(PROVINCES)
        made.append(Commune(number, name, "phuong" if rng.random() < WARD_SHARE else "xa", province, kind,
                            " ".join(rng.sample(SYLLABLES, 2)), person(rng)[0], person(rng)[0]))
    return made


# ----------------------------------------------------------------------------- into the data folder


def profile_and_people(store, commune: Commune, rng: random.Random) -> list[tuple[int, str]]:
    """The commune's profile, its superiors before and after 1 July 2025, and its officials renamed:
    returns (id, name) of every official."""
    from app.services.officials import list_officials, update_official
    from app.services.profile import get_profile, save_profile
    from app.services.superiors import PeriodData, add_period

    province = f"{commune.province_kind} {commune.province}"
    save_profile(store, replace(
        get_profile(store), commune_name=commune.name, province=commune.province, unit_kind=commune.unit_kind,
        superior_authority=f"Ủy ban nhân dân {province}", receiving_office=f"Sở Nội vụ {province}",
        district_authority=f"Ủy ban nhân dân huyện {commune.district}",
        district_office=f"Phòng Nội vụ huyện {commune.district}", place_name=commune.name,
        chairman_name=commune.chairman, chairman_title="Chủ tịch", clerk_name=commune.clerk))
    add_period(store, PeriodData(None, date(2025, 6, 30), "district", f"Ủy ban nhân dân huyện {commune.district}",
                                 f"Phòng Nội vụ huyện {commune.district}"))
    add_period(store, PeriodData(date(2025, 7, 1), None, "province", f"Ủy ban nhân dân {province}",
                                 f"Sở Nội vụ {province}", f"Sở Nội vụ {province} (qua Phòng Thi đua, khen thưởng)"))
    people = []
    for n, official in enumerate(list_officials(store)):
        name = commune.chairman if n == 0 else person(rng, official.gender == "Nữ")[0]
        update_official(store, official.id, replace(_data(official), full_name=name))
        people.append((official.id, name))
    return people


def _data(official):
    from app.services.officials import OfficialData

    return OfficialData(**{name: getattr(official, name) for name in OfficialData.__dataclass_fields__})


def plans(store, commune: Commune, year: int, templates: list[dict], rng: random.Random) -> None:
    """A reform plan (always) and an emulation plan (on about a third of the years): the demo's tasks
    drawn, shuffled and counted differently (half to one and a half times the demo's), the commune's own
    name and the year written in."""
    from app.demo import plan_data
    from app.importers.plan_model import ImportedPlan, ImportedTask
    from app.services.plan_import import save_imported_plan

    for template in templates:
        if template["kind"] == "emulation" and rng.random() < 2 / 3:
            continue
        tasks = [(area["title"], task) for area in template["areas"] for task in area["tasks"]]
        count = rng.randint(max(5, len(tasks) // 2), len(tasks) + len(tasks) // 2)
        count = min(count, rng.randint(max(5, len(tasks) // 2), len(tasks) + len(tasks) // 2))  # most of them short
        chosen = [tasks[n % len(tasks)] for n in rng.sample(range(count), count)]
        imported = [ImportedTask(area, _moved(task["title"], commune, year) + _round(n, len(tasks)), task["lead"],
                                 list(task["coordinators"]), _moved(task["product"], commune, year),
                                 _moved(task["timeframe"], commune, year))
                    for n, (area, task) in enumerate(chosen)]
        areas = list(dict.fromkeys(area for area, _ in chosen))
        data = plan_data({**template, "year": year, "issue_date": f"{year}-01-{rng.randint(3, 28):02d}"})
        data = replace(data, number=f"{rng.randint(2, 60)}/KH-UBND", title=_moved(data.title, commune, year),
                       intro=_moved(data.intro, commune, year), signer_name=commune.chairman,
                       legal_bases=tuple(_moved(text, commune, year) for text in data.legal_bases),
                       sections=tuple((key, _moved(body, commune, year)) for key, body in data.sections))
        save_imported_plan(store, ImportedPlan(areas=areas, tasks=imported), data)


def _round(n: int, size: int) -> str:
    return f" (đợt {n // size + 1})" if n >= size else ""


def _moved(text: str, commune: Commune, year: int) -> str:
    for old in ("2024", "2025"):
        text = text.replace(old, str(year))
    return text.replace("xã Hòa Bình Xuân", f"{commune.unit_word} {commune.name}").replace("Hòa Bình Xuân", commune.name)


def statuses(store, year: int, rng: random.Random, diligence: float) -> None:
    """Most checkpoints done (how many: the commune's ``diligence``), some under way, some not needed."""
    from app.services.checklist import set_status_many, year_checklist

    groups: dict[tuple[str, date | None, str], list[int]] = {}
    for row in year_checklist(store, year):
        draw, due = rng.random(), row.due or date(year, 12, 1)
        if draw < diligence:
            key = ("done", min(due, date(year, 12, 1)), "")
        elif draw < diligence + 0.05:
            key = ("skipped", None, STATUS_REASON)
        elif draw < diligence + 0.15:
            key = ("doing", None, "")
        else:
            continue
        groups.setdefault(key, []).append(row.occurrence_id)
    now = datetime(year, 12, 2, 16)
    for (status, completed_on, reason), ids in groups.items():
        set_status_many(store, ids, status, completed_on, reason, now=now)


def scores(store, year: int, set_id: int, rng: random.Random, diligence: float) -> None:
    """Every leaf of the PAR set scored: full marks with the commune's ``diligence``, else a part of them."""
    from app.domain.criteria import YESNO
    from app.services import scoring
    from app.services.criteria_sets import load_set

    scoring.start(store, year, set_id)
    stored = load_set(store, set_id)
    parents = {item.parent_code for item in stored.data.criteria}
    for item in stored.data.criteria:
        if item.code in parents or item.max_points is None:
            continue
        full = item.max_points
        if item.rule.kind == YESNO or rng.random() < diligence:
            points = full if rng.random() < diligence else Decimal(0)
        else:
            points = (full * Decimal(rng.choice((25, 50, 75))) / 100).quantize(Decimal("0.01"))
        scoring.set_score(store, year, stored.criterion_ids[item.code], points)
