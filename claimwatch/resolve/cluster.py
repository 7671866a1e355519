"""The core of resolution: incremental clustering of profiles held in memory.

Each new profile is compared with the profiles already placed that share a blocking key
(`block`: week × country × place); the pairs that pass `features.compatible` are
scored, and each cluster keeps its best pair (single link). The profile joins the best cluster
whose score reaches the calibrated threshold, unless that cluster already holds a mention of the
same report or one it was split from by hand. When the profile reaches the threshold with several
clusters, those clusters are one incident seen through it and are merged ("bridged"), unless a
merge would put two mentions of one report together, or a cluster is pinned (fixed by hand) --
or the profile cannot tell them apart: when its two best clusters score within
`AMBIGUITY_MARGIN` of each other and it shares neither a named victim nor a perpetrator with
both, they are most likely two incidents of one place and day (a busy city), and a report that
fits both equally is evidence for neither, so it opens its own -- unless it shares a named victim or
the perpetrator with exactly one of the two, which then takes it; and only clusters that share a
victim or a perpetrator with it are bridged (others: it joins the best). Otherwise it opens a
new cluster. Clusters already in the database are seeded with their ids;
new clusters get negative ids (-1, -2, ...) until the database layer gives them real ones.

A cluster may not drift in time: a join or a bridge is refused when the cluster's dated members
(reported dates, not the report weeks that stand in for missing ones) would no longer share a day
give or take `EXACT_DAYS` -- the rule two reports that both state the day already obey pairwise --
so that a chain of near neighbours never becomes one incident spanning days.

Both rules were set on the synthetic stream of `bench/resolve_scale.py`, where one city has an
incident of the same type most days; without them, weights fitted on news of well-separated
incidents chained a busy city's week into one incident (docs/resolution.md has the figures). A profile with no date at all (an undated background mention) is never compared and opens
its own cluster.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import numpy as np

from .block import BlockIndex
from .columns import Columns, Probe, compatible, feature_columns, feature_row, logits
from .features import EXACT_DAYS, FEATURES, type_relation
from .scoring import Weights
from .types import EMPTY, Decision, Profile, Scored


AMBIGUITY_MARGIN = 0.2  # scores closer than this cannot tell two clusters apart (set on bench/resolve_scale.py)
STORY = [FEATURES.index(name) for name in ("victim_shared", "perp_shared")]


class Resolver:
    """Holds the placed profiles (as `Columns` rows), their clusters (a union-find) and the blocking index."""

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        self.columns = Columns()
        self.keys: list[int] = []  # row -> profile key
        self.row_of: dict[int, int] = {}  # profile key -> row
        self.cluster_of: list[int] = []  # row -> the cluster it was placed in (find() for now)
        self.parent: dict[int, int] = {}  # cluster -> the cluster it was merged into
        self.articles: dict[int, set[int]] = {}  # cluster root -> reports it holds
        self.span: dict[int, tuple[int, int]] = {}  # cluster root -> (latest lo, earliest hi) of its dated members
        self.pinned: set[int] = set()  # clusters never merged automatically
        self.apart: dict[int, set[int]] = defaultdict(set)  # profile key -> keys split from it by hand
        self.recounted: dict[int, set[tuple[int, str | None]]] = defaultdict(set)  # report -> (day, type) it recounts
        self.index = BlockIndex()
        # report -> {key of a background mention that joined a cluster this run: (its score, its profile)}
        self.joined: dict[int, dict[int, tuple[float, Profile]]] = defaultdict(dict)
        self.displaced: dict[int, tuple[int, float]] = {}  # key -> (the main mention that took its place, score)
        self._coef = np.array(weights.weights)
        self._next = -1

    # ------------------------------------------------------------ clusters
    def find(self, cluster: int) -> int:
        root = cluster
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while cluster != root:
            self.parent[cluster], cluster = root, self.parent[cluster]
        return root

    def cluster(self, key: int) -> int:
        return self.find(self.cluster_of[self.row_of[key]])

    def clusters(self) -> dict[int, int]:
        """Every placed profile key and its cluster."""
        return {key: self.find(self.cluster_of[row]) for row, key in enumerate(self.keys)}

    def keep_apart(self, a: int, b: int) -> None:
        self.apart[a].add(b)
        self.apart[b].add(a)

    # ------------------------------------------------------------ placing
    def seed(self, profile: Profile, cluster: int, pinned: bool = False) -> None:
        """Place a profile in a known cluster, without scoring it (a link already in the database)."""
        root = self.find(cluster)
        self.articles.setdefault(root, set()).add(profile.article)
        self.span[root] = _widen(self.span.get(root), profile)
        if pinned:
            self.pinned.add(root)
        self._place(profile, root)

    def add(self, profile: Profile) -> Decision:
        """Join the best cluster above the threshold (bridging the others of its story), or open a new one."""
        if profile.background and _exact(profile):
            self.recounted[profile.article].add((profile.lo, profile.type))
        best, scored, materialise, shares = self._score(profile)
        if not profile.background:
            for cluster in list(scored):
                self._displace(profile, cluster, -scored[cluster][0])
        joinable = sorted((c for c, s in scored.items() if self._may_join(profile, c)), key=lambda c: scored[c])
        if not joinable:
            return Decision(profile.key, self._open(profile), True, materialise(best))
        # clusters the profile shares a named victim or a perpetrator with: one story, if it fits several
        story = [c for c in joinable if shares(scored[c])] if len(joinable) > 1 else []
        told = [c for c in joinable[:2] if c in story]
        chosen = joinable[0]
        if self._ambiguous(joinable, scored) and len(told) != 2:
            if len(told) == 1:
                chosen = told[0]  # the two score alike, but only one shares a named victim or the perpetrator
            elif (news := self._news_of_one_report(joinable[:2], scored)) is not None:
                chosen = news
            else:
                alike = tuple(scored[c][1] for c in joinable[:2])
                return Decision(profile.key, self._open(profile), True, materialise(best), alike=alike)
            target, bridged = chosen, EMPTY
        else:
            target, bridged = self._bridge(story) if chosen in story[:1] else (chosen, EMPTY)
        self.articles[target].add(profile.article)
        self.span[target] = _widen(self.span.get(target), profile)
        self._place(profile, target)
        if profile.background and not bridged:  # a join that bridged incidents is not undone
            self.joined[profile.article][profile.key] = (-scored[chosen][0], profile)
        return Decision(profile.key, target, False, materialise(scored[chosen]), bridged)

    def add_all(self, profiles: Iterable[Profile]) -> Iterator[Decision]:
        for profile in profiles:
            yield self.add(profile)

    # ------------------------------------------------------------ internals
    def _open(self, profile: Profile) -> int:
        cluster, self._next = self._next, self._next - 1
        self.articles[cluster] = {profile.article}
        self.span[cluster] = _widen(None, profile)
        self._place(profile, cluster)
        return cluster

    def _place(self, profile: Profile, cluster: int) -> None:
        row = self.columns.append(profile)
        self.keys.append(profile.key)
        self.row_of[profile.key] = row
        self.cluster_of.append(cluster)
        self.index.add(profile, row)

    def _score(self, profile: Profile):
        """(the best pair overall, each cluster's best pair at or above the threshold, a function that
        turns a pair into a `Scored`, and one that tells whether a pair shares a named victim or a
        perpetrator); pairs are (-score, key, index) so that they sort best first."""
        candidates = self.index.candidates(profile)
        if not len(candidates):
            return None, {}, _nothing, _nothing
        probe = Probe(profile, self.columns)
        batch, gap, dist, place = compatible(probe, self.columns.gather(candidates))
        if not len(gap):
            return None, {}, _nothing, _nothing
        columns = feature_columns(probe, self.columns, batch, gap, dist, place)
        scores = 1.0 / (1.0 + np.exp(-logits(columns, self._coef, self.weights.bias, len(gap))))
        keys = batch.col("key")
        above = np.nonzero(scores >= self.weights.threshold)[0]
        per_cluster: dict[int, tuple] = {}
        for i in above[np.lexsort((keys[above], -scores[above]))].tolist():
            cluster = self.find(self.cluster_of[batch.rows[i]])
            if cluster not in per_cluster:
                per_cluster[cluster] = (-float(scores[i]), int(keys[i]), i)
        top = int(np.lexsort((keys, -scores))[0])
        materialise = lambda pair: pair and Scored(pair[1], -pair[0], feature_row(columns, pair[2]))  # noqa: E731
        shares = lambda pair: any(  # noqa: E731
            (columns[i][pair[2]] if isinstance(columns[i], np.ndarray) else columns[i]) > 0 for i in STORY)
        return (-float(scores[top]), int(keys[top]), top), per_cluster, materialise, shares

    @staticmethod
    def _ambiguous(joinable: list[int], scored: dict) -> bool:
        """The two best clusters score alike."""
        return len(joinable) >= 2 and scored[joinable[1]][0] - scored[joinable[0]][0] < AMBIGUITY_MARGIN

    def _news_of_one_report(self, pair: list[int], scored: dict) -> int | None:
        """Of two clusters that fit alike, the one that holds a report whose background mention is the
        other's best member, when its own best member is news. One report telling both is no busy city:
        it says which of the two is its news (often the same incident, retold in a later paragraph), and a
        report that fits both is taken to be about that one."""
        batch = self.columns.gather(np.array([self.row_of[scored[c][1]] for c in pair]))
        article, background = batch.col("article"), batch.col("background")
        for told, news in ((0, 1), (1, 0)):
            if background[told] and not background[news] and int(article[told]) in self.articles[pair[news]]:
                return pair[news]
        return None

    def _displace(self, profile: Profile, cluster: int, score: float) -> None:
        """A report's main mention takes the place of its own background mention in a cluster that the
        background joined this run with a score lower by `AMBIGUITY_MARGIN` or more: the report ordering
        placed the recounted incident first (`report_order`), and it joined the nearest incident it
        could; that incident is the report's news, and the recounted one opens its own again."""
        if profile.article not in self.articles.get(cluster, ()):
            return
        mine = self.joined.get(profile.article, {})
        rows = [key for key, (joined, _) in mine.items() if self.cluster(key) == cluster and joined + AMBIGUITY_MARGIN <= score]
        if len(rows) != 1 or cluster in self.pinned:
            return
        key = rows[0]
        _, other = mine.pop(key)
        fresh, self._next = self._next, self._next - 1
        self.cluster_of[self.row_of[key]] = fresh
        self.articles[fresh] = {other.article}
        self.span[fresh] = _widen(None, other)
        self.articles[cluster].discard(other.article)
        self.displaced[key] = (profile.key, score)

    def _placed_cluster(self, key: int) -> int | None:
        return self.cluster(key) if key in self.row_of else None

    def _may_join(self, profile: Profile, cluster: int) -> bool:
        if profile.article in self.articles[cluster] or not _coherent(_widen(self.span.get(cluster), profile)):
            return False
        if self._recounted_apart(profile, cluster):
            return False
        return not any(self._placed_cluster(key) == cluster for key in self.apart.get(profile.key, EMPTY))

    def _recounted_apart(self, profile: Profile, cluster: int) -> bool:
        """The report recounts an incident of this kind on the cluster's day, and dates its own to
        another day: "a day after the station bombing, a bomber struck a trolleybus"."""
        span = self.span.get(cluster)
        if profile.background or not _exact(profile) or span is None or span[0] != span[1] or span[0] == profile.lo:
            return False
        return any(day == span[0] and type_relation(kind, profile.type) > 0
                   for day, kind in self.recounted.get(profile.article, ()))

    def _bridge(self, joinable: list[int]) -> tuple[int, tuple[int, ...]]:
        """Merge the joinable clusters that may be merged into the oldest of them; return it and the merged."""
        target, merged = joinable[0], []
        for cluster in joinable[1:]:
            if self._may_merge(target, cluster):
                keep, gone = _older(target, cluster), _younger(target, cluster)
                self.parent[gone] = keep
                self.articles[keep] |= self.articles.pop(gone)
                self.span[keep] = _union(self.span.pop(target), self.span.pop(cluster))
                merged.append(gone)
                target = keep
        return target, tuple(merged)

    def _may_merge(self, a: int, b: int) -> bool:
        if a in self.pinned or b in self.pinned or not self.articles[a].isdisjoint(self.articles[b]):
            return False
        if not _coherent(_union(self.span.get(a), self.span.get(b))):
            return False
        for key, others in self.apart.items():
            mine = self._placed_cluster(key)
            theirs = {self._placed_cluster(o) for o in others}
            if mine in (a, b) and (theirs & {a, b}) - {mine}:
                return False
        return True


def _widen(span: tuple[int, int] | None, profile: Profile) -> tuple[int, int] | None:
    """A cluster's date span with one more member; reports' weeks standing in for dates do not count."""
    if profile.lo is None or profile.proxy:
        return span
    if span is None:
        return profile.lo, profile.hi
    return max(span[0], profile.lo), min(span[1], profile.hi)


def _union(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return max(a[0], b[0]), min(a[1], b[1])


def _coherent(span: tuple[int, int] | None) -> bool:
    """The dated members share a day, give or take `EXACT_DAYS`: an incident has one date, a cluster may not drift."""
    return span is None or span[0] - span[1] <= EXACT_DAYS


def _nothing(pair) -> None:
    return None


def _older(a: int, b: int) -> int:
    """Database ids (positive) are older than new clusters (negative); -1 is older than -2."""
    if (a > 0) != (b > 0):
        return max(a, b)
    return min(a, b) if a > 0 else max(a, b)


def _younger(a: int, b: int) -> int:
    return b if _older(a, b) == a else a


def cluster_profiles(profiles: Iterable[Profile], weights: Weights) -> dict[int, int]:
    """Cluster profiles from scratch, in the order given (each report's mentions in `report_order`);
    return each key's cluster."""
    resolver = Resolver(weights)
    for _ in resolver.add_all(report_order(list(profiles))):
        pass
    return resolver.clusters()


def _exact(profile: Profile) -> bool:
    return profile.lo is not None and profile.lo == profile.hi and not profile.proxy


def _dated_apart(profile: Profile, main: Profile | None) -> bool:
    """A background mention the report itself dates to another day than its main incident."""
    return profile.background and main is not None and _exact(profile) and _exact(main) and profile.lo != main.lo


def report_order(profiles: list[Profile], profile_of=lambda item: item) -> list:
    """The items in their order, except that within a report the background mentions it dates to
    another day than its main incident come before the main one. "A day after the station bombing,
    a bomber struck a trolleybus": the recounted bombing joins the incident it is (the station's),
    and the report's main mention can then no longer join that incident, since one report's two
    mentions are never one incident. Report by report, the items keep their relative order."""
    mains = {}
    for item in profiles:
        profile = profile_of(item)
        if not profile.background:
            mains.setdefault(profile.article, profile)
    rank = {id(item): 0 if _dated_apart(profile_of(item), mains.get(profile_of(item).article)) else 1
            for item in profiles}
    first_of: dict[int, int] = {}
    for index, item in enumerate(profiles):
        first_of.setdefault(profile_of(item).article, index)
    return sorted(profiles, key=lambda item: (first_of[profile_of(item).article], rank[id(item)]))
