"""Cross-report resolution: incident mentions from many reports become one record per incident.

    mentions.record ──profile──> Profile ──blocking──> pairs ──features, Weights──> scores
        ──Resolver (incremental single link, cannot-links)──> clusters ──record──> incidents.record
                                                                      └──────────> incident_events

Modules: `types` (the stage types), `profile`, `features` (blocking rule and pair features),
`scoring` (the calibrated logistic scorer), `cluster` (the in-memory core, which scales to millions
of mentions), `calibrate` (fitting weights and threshold on data), `record`, `figures`,
`attribution` (the merged record and its histories), `link` (the database layer: `resolve`,
`split`, `join`). The rules are explained for users in docs/resolution.md.

Coordinated attacks. We follow the GTD's rule: attacks at one place and time are one incident;
attacks at discontinuous places or times are separate incidents, linked. So two blasts ten minutes
apart at one airport gate are one incident with parts (`record.parts`, the most explosions any
report counts; the extractor gives such a report one mention), because reports of it name one
place and one toll and a user counting incidents counts one. Several cities hit the same morning
are separate incidents — each has its own place, its own toll and often its own reports, and
merging them would make figures and places meaningless — linked as `coordinated` in
`incident_links` when one report tells them together (two main mentions of one report, same day).
Resolution never merges mentions of one report, so parts a report keeps apart stay apart.

Background mentions (an anniversary piece recounting an old attack) go through the same scorer
and join the incident they recount; they stay `role: background`, add their figures and
statements to its histories, and are not counted among its reports. A background mention that
finds no incident opens one marked `background_only`, listed only with `incidents --all`.
"""
from __future__ import annotations

from .link import join, resolve, split

__all__ = ["join", "resolve", "split"]
