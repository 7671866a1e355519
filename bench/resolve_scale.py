"""Resolve a million synthetic mentions in memory: time, peak memory, and agreement with the truth.

    .venv/bin/python bench/resolve_scale.py [--mentions 1000000] [--seed 7] [--weights FILE]

(A smaller --mentions shortens the three years in proportion, so that a quick run meets the same
density of incidents per country and week as the full one.)

Goal: <= 10 minutes and <= 2 GB on a 2-core machine. The synthetic world (numpy, seeded): three
years, 120 countries whose activity follows a Zipf law (the busiest has ~1/6 of all incidents),
40 cities per country in 9 compact admin-1 regions, incidents of the model's types with an actor in half
of them, each reported 1 + Poisson(3) times over the next days; per report the date is exact
(85 %, 5 % of those a day off), missing (10 %: the report's week stands in) or a week (5 %); the
place is a city with coordinates and region (80 %), a region (10 %), a country (5 %) or unknown
(5 %), and a city is anchored or not, right or another city of the country, in the shares measured on
the modern held-out sets (`CITY_KINDS`); 10 % of reports give a related type; summaries mix two of the incident's three own words
with common ones; 3 % of mentions are background mentions published months later.

Each mention goes record -> `profile` -> `Resolver.add` with the packaged weights, in order of
publication, as `resolve` does (without the database). Printed: the total wall and CPU time (the
machine is shared: CPU time is what the run cost), the time
spent in `profile` + `Resolver.add` (the rest is making up the synthetic records), peak resident
memory (ru_maxrss), clusters, and pairwise precision/recall/F1 over mention pairs against the
generating incidents. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from collections import Counter
from collections.abc import Iterator

import numpy as np

from claimwatch.resolve.cluster import Resolver
from claimwatch.resolve.profile import profile
from claimwatch.resolve.scoring import load_weights

START = dt.date(2021, 1, 1).toordinal()
DAYS = 3 * 365
COUNTRIES, CITIES = 120, 40
TYPES = ["bombing", "armed_assault", "kidnapping", "arson", "assassination"]
RELATED = {"bombing": "armed_assault", "armed_assault": "bombing", "kidnapping": "armed_assault", "arson": "armed_assault",
           "assassination": "armed_assault"}
COMMON = ("attack killed wounded police militants blast gunmen security forces officials said city province village "
          "market checkpoint convoy soldiers civilians hospital district army rebels explosion claimed").split()


class World:
    """The incidents: day, country, city, type, actor, toll and three words of their own."""

    def __init__(self, incidents: int, rng: np.random.Generator, days: int = DAYS) -> None:
        zipf = 1.0 / np.arange(1, COUNTRIES + 1) ** 1.1
        self.day = rng.integers(0, days, incidents) + START
        self.country = rng.choice(COUNTRIES, incidents, p=zipf / zipf.sum())
        city_p = 1.0 / np.arange(1, CITIES + 1)
        self.city = rng.choice(CITIES, incidents, p=city_p / city_p.sum())
        self.type = rng.integers(0, len(TYPES), incidents)
        self.actor = np.where(rng.random(incidents) < 0.5, rng.integers(0, 10, incidents), -1)
        self.killed = rng.geometric(0.15, incidents)
        self.words = rng.integers(0, 200_000, (incidents, 3))
        self.centre = rng.uniform(-40, 55, (COUNTRIES, 2))
        self.offset = rng.uniform(-4, 4, (COUNTRIES, CITIES, 2))

    def region(self, country: int, city: int) -> str:
        """Admin-1 regions are compact: a 3 x 3 grid over the country's 8 x 8 degrees."""
        row, col = ((self.offset[country, city] + 4) // (8 / 3)).astype(int)
        return f"region{country}-{row}-{col}"


# Of the reports that give a city: anchored (named where the report tells of the incident) and
# right, anchored and wrong, not anchored and right; the rest are not anchored and wrong (a dateline,
# a speaker's city). Shares as measured on the modern held-out sets' main mentions (520, 64, 133,
# 108 of 825).
CITY_KINDS = (0.63, 0.08, 0.16)


def _location(world: World, i: int, draw: float, kind: float) -> dict:
    country, city = int(world.country[i]), int(world.city[i])
    code = f"{chr(65 + country // 26)}{chr(65 + country % 26)}"
    if draw < 0.80:
        anchored = kind < CITY_KINDS[0] + CITY_KINDS[1]
        if CITY_KINDS[0] <= kind < CITY_KINDS[0] + CITY_KINDS[1] or kind >= sum(CITY_KINDS):
            city = (city + 1 + int(kind * 1000) % (CITIES - 1)) % CITIES  # another city of the country
        lat, lon = world.centre[country] + world.offset[country, city]
        return {"country_code": code, "city": f"city{country}-{city}", "region": world.region(country, city),
                "lat": float(lat), "lon": float(lon), "anchored": anchored}
    if draw < 0.90:
        return {"country_code": code, "region": world.region(country, city)}
    return {"country_code": code} if draw < 0.95 else {}


def _date(day: int, draw: float, off: bool) -> dict | None:
    if draw < 0.85:
        return {"value": dt.date.fromordinal(day + (1 if off else 0)).isoformat(), "precision": "day"}
    if draw < 0.95:
        return None
    return {"value": dt.date.fromordinal(day - day % 7).isoformat(), "precision": "week"}


def record(world: World, i: int, draws: np.ndarray, background: bool) -> dict:
    """One report's mention of incident i; `draws`: this mention's row of uniform random numbers."""
    kind = TYPES[int(world.type[i])]
    own = [f"w{int(w)}" for w in world.words[i][[int(draws[5] * 3), (int(draws[5] * 3) + 1) % 3]]]
    words = own + [COMMON[int(d * len(COMMON))] for d in draws[6:12]]
    out = {"role": "background" if background else "main", "type": RELATED[kind] if draws[0] < 0.1 else kind,
           "date": _date(int(world.day[i]), draws[1], draws[2] < 0.05), "location": _location(world, i, draws[3], draws[12]),
           "summary": " ".join(words), "killed": {"value": int(world.killed[i] * (1 + draws[4]))}}
    if world.actor[i] >= 0 and draws[4] < 0.5:
        out["perpetrators"] = [{"name": f"Group {int(world.country[i])}-{int(world.actor[i])}", "basis": "accused"}]
    return out


def arrivals(world: World, mentions: int, rng: np.random.Generator) -> np.ndarray:
    """(published day, incident, background) for every mention, in order of publication."""
    reports = 1 + rng.poisson(3, len(world.day))
    incident = np.repeat(np.arange(len(world.day)), reports)[:mentions]
    background = rng.random(len(incident)) < 0.03
    delay = np.where(background, rng.integers(30, 400, len(incident)), rng.geometric(0.6, len(incident)) - 1)
    published = world.day[incident] + delay
    order = np.argsort(published, kind="stable")
    return np.stack([published[order], incident[order], background[order]], axis=1)


def records(world: World, plan: np.ndarray, rng: np.random.Generator) -> Iterator[tuple[int, dict, dt.date]]:
    """(incident, record, publication date) for every planned mention."""
    draws = rng.random((len(plan), 13))
    for (published, incident, background), row in zip(plan.tolist(), draws):
        yield incident, record(world, incident, row, bool(background)), dt.date.fromordinal(published)


def pairwise(truth: list[int], clusters: dict[int, int]) -> dict[str, float]:
    pairs = lambda counts: sum(n * (n - 1) // 2 for n in counts.values())  # noqa: E731
    both = pairs(Counter((clusters[k], t) for k, t in enumerate(truth)))
    predicted, gold = pairs(Counter(clusters.values())), pairs(Counter(truth))
    p, r = both / predicted if predicted else 0.0, both / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--weights", help="a weights file other than the packaged one (bench/resolve_refit.py writes one)")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    world = World(args.mentions // 4 + 1, rng, days=max(7, DAYS * args.mentions // 1_000_000))
    plan = arrivals(world, args.mentions, rng)
    resolver, truth, building = Resolver(load_weights(args.weights)), [], 0.0
    start, cpu = time.perf_counter(), time.process_time()
    for key, (incident, made, published) in enumerate(records(world, plan, rng)):
        truth.append(incident)
        tick = time.perf_counter()
        resolver.add(profile(made, key, key, published))
        building -= tick - time.perf_counter()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    clusters = resolver.clusters()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    score = pairwise(truth, clusters)
    print(f"mentions {len(truth)}  incidents {len(set(truth))}  clusters {len(set(clusters.values()))}")
    print(f"total {seconds:.1f} s wall ({cpu:.1f} s CPU), of which profile + resolve {building:.1f} s wall "
          f"({len(truth) / building:.0f} mentions/s); peak RSS {peak:.0f} MB")
    print(f"pairwise vs truth: P {score['p']:.3f} R {score['r']:.3f} F1 {score['f1']:.3f}")


if __name__ == "__main__":
    main()
