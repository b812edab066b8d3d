"""What the shipped classifier was measured to do on labelled sets, recorded by
bench/moderation_eval.py --record and read by the model card and the library's about page.

Each measurement names its set, the day it was taken, the classifier version and the
digest of the data the weights were trained on, and per category the share of responses
published, held and rejected. Only measurements of the weights that ship count: after a
retraining, old figures stop being shown until the bench is run again.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from amends.moderation import classifier

MEASURED = Path(__file__).with_name("measured.json")
DECISIONS = ("publish", "hold", "reject")
# The voices the pipeline should publish and that readers most need to trust it with.
ANGER_AND_PAIN = ("anger", "pain")


@dataclass(frozen=True)
class Measurement:
    name: str  # the set: "development" or "unseen"
    source: str  # the file, relative to the project
    date: str  # ISO day
    version: str
    digest: str
    # category -> {"count": n, "publish": share, "hold": share, "reject": share}
    categories: dict[str, dict[str, float]]

    def share_held(self, categories: tuple[str, ...]) -> tuple[int, float, float]:
        """(responses, share held, share rejected) over the given categories together."""
        rows = [self.categories[c] for c in categories if c in self.categories]
        count = int(sum(r["count"] for r in rows))
        if not count:
            return 0, 0.0, 0.0
        held = sum(r["hold"] * r["count"] for r in rows) / count
        rejected = sum(r["reject"] * r["count"] for r in rows) / count
        return count, held, rejected


def load(path: Path | None = None) -> list[Measurement]:
    path = path or MEASURED
    if not path.exists():
        return []
    return [Measurement(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def current(path: Path | None = None, model: classifier.Model | None = None) -> list[Measurement]:
    """The measurements of the model that ships (or of `model`), development set first."""
    model = model or classifier.get_model()
    found = [m for m in load(path) if (m.version, m.digest) == (model.version, model.digest)]
    return sorted(found, key=lambda m: (m.name != "development", m.name))


def record(
    name: str,
    source: str,
    table: Mapping[str, Mapping[str, int]],
    path: Path | None = None,
    today: datetime.date | None = None,
) -> Measurement:
    """Keep one measurement per set name, replacing an older one of the same name."""
    model = classifier.get_model()
    categories = {}
    for category, counts in sorted(table.items()):
        n = sum(counts.get(d, 0) for d in DECISIONS)
        if n:
            categories[category] = {"count": n, **{d: counts.get(d, 0) / n for d in DECISIONS}}
    measurement = Measurement(
        name,
        source,
        (today or datetime.date.today()).isoformat(),
        model.version,
        model.digest,
        categories,
    )
    kept = [m for m in load(path) if m.name != name]
    rows = [asdict(m) for m in sorted([*kept, measurement], key=lambda m: m.name)]
    (path or MEASURED).write_text(
        json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return measurement


def card_section(path: Path | None = None, model: classifier.Model | None = None) -> str:
    """The model card's section of measured figures (scripts/train_moderation.py and
    bench/moderation_eval.py --record both write it)."""
    lines = [CARD_MARKER, ""]
    found = current(path, model)
    if not found:
        return "\n".join(
            [
                *lines,
                "Not measured yet for this version: run bench/moderation_eval.py --record.",
                "",
            ]
        )
    lines += [
        "Recorded by bench/moderation_eval.py --record, with the weights above; the "
        "share of each category decided as the targets ask (harms rejected, insults "
        "held, every other voice published).",
        "",
    ]
    names = [m.name for m in found]
    lines += [
        "| category | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---:" for _ in names) + " |",
    ]
    wanted = {
        "insult": "hold",
        "link": "hold",
        **dict.fromkeys(("threat", "doxxing", "incitement", "self_harm"), "reject"),
    }
    for category in sorted({c for m in found for c in m.categories}):
        cells = []
        for m in found:
            row = m.categories.get(category)
            cells.append(
                f"{row[wanted.get(category, 'publish')]:.2f} (n={int(row['count'])})"
                if row
                else "–"
            )
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    lines.append("")
    for m in found:
        n, held, rejected = m.share_held(ANGER_AND_PAIN)
        lines.append(
            f"- {m.name}: {m.source}, measured {m.date}; of {n} responses of anger "
            f"and pain, {held:.0%} held and {rejected:.0%} rejected."
        )
    lines.append("")
    return "\n".join(lines)


CARD_MARKER = "## Measured figures"


def with_card_section(
    card: str, path: Path | None = None, model: classifier.Model | None = None
) -> str:
    """The card with its measured section written afresh (everything after the marker)."""
    head = card.split(CARD_MARKER)[0].rstrip("\n")
    return head + "\n\n" + card_section(path, model)
