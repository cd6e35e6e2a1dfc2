#!/usr/bin/env python3
"""Validates the few-shot label sample sets: JSON shape, labels, counts, language mix,
duplicates and near-duplicates (word overlap), and that no line carries a URL.
Run from anywhere: python3 bench/fewshot/check.py  (exit code 1 on any problem)."""
import itertools, json, re, sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LABELS = ["promo", "paywall", "comment", "jobad"]
TRAIN_LANGS = {"en", "de", "fr", "es", "pl"}
UNSEEN_LANGS = {"it", "nl"}
# Two lines are near-duplicates when their shared words are more than this share of the longer
# line's words; train and held-out lines are also compared against the shorter line's words
# (a held-out line must not be a train line with a few words added), when it has 4 words or more.
MAX_OVERLAP = 0.6
MIN_WORDS_FOR_CONTAINMENT = 4
URL = re.compile(r"https?://|www\.|\b[\w-]+\.(com|net|org|de|fr|es|pl|it|nl|io|co\.uk)\b", re.I)
EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)+[\w-]+")

problems: list[str] = []

def fail(msg: str) -> None:
    problems.append(msg)

def load(rel: str) -> list[dict]:
    rows = []
    path = ROOT / rel
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{rel}: not UTF-8 ({e})")
        return rows
    for n, line in enumerate(text.splitlines(), 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"{rel}:{n}: invalid JSON ({e})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            fail(f"{rel}:{n}: needs a non-empty string 'text'")
            continue
        if not isinstance(obj.get("label"), str):
            fail(f"{rel}:{n}: needs a string 'label'")
            continue
        extra = set(obj) - {"text", "label", "lang"}
        if extra:
            fail(f"{rel}:{n}: unexpected keys {sorted(extra)}")
        obj["_where"] = f"{rel}:{n}"
        rows.append(obj)
    return rows

def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))

def overlap(a: str, b: str) -> float:
    """Shared words as a share of the longer line's words."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))

def containment(a: str, b: str) -> float:
    """Shared words as a share of the shorter line's words; 0 when that line is too short to judge."""
    wa, wb = words(a), words(b)
    if min(len(wa), len(wb)) < MIN_WORDS_FOR_CONTAINMENT:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))

def expect_counts(rel: str, rows: list[dict], want: dict[str, int]) -> None:
    got = Counter(r["label"] for r in rows)
    if got != Counter(want):
        fail(f"{rel}: label counts {dict(got)}, expected {want}")

def lang_counts(rows: list[dict]) -> Counter:
    return Counter(r.get("lang", "?") for r in rows)

files: dict[str, list[dict]] = {}
for label in LABELS:
    for part, n in (("train", 100), ("heldout", 40)):
        rel = f"{label}/{part}.jsonl"
        files[rel] = load(rel)
        expect_counts(rel, files[rel], {label: n})
    train, held = files[f"{label}/train.jsonl"], files[f"{label}/heldout.jsonl"]
    tl, hl = lang_counts(train), lang_counts(held)
    if set(tl) != TRAIN_LANGS:
        fail(f"{label}/train.jsonl: languages {dict(tl)}, expected exactly {sorted(TRAIN_LANGS)}")
    if not 35 <= tl["en"] <= 45 or any(not 12 <= tl[l] <= 18 for l in TRAIN_LANGS - {"en"}):
        fail(f"{label}/train.jsonl: language mix {dict(tl)} is off the 40/15/15/15/15 plan")
    if set(hl) != TRAIN_LANGS | UNSEEN_LANGS or any(not 2 <= hl[l] <= 3 for l in UNSEEN_LANGS):
        fail(f"{label}/heldout.jsonl: languages {dict(hl)}, expected the train five plus 2-3 each of it, nl")
    # Prefixes must be a fair mix, not a block of one language.
    for k, min_langs in ((10, 4), (20, 5)):
        seen = {r.get("lang") for r in train[:k]}
        if len(seen) < min_langs:
            fail(f"{label}/train.jsonl: first {k} lines hold only {sorted(seen)}")
    for a, b in itertools.product(train, held):
        o = max(overlap(a["text"], b["text"]), containment(a["text"], b["text"]))
        if o > MAX_OVERLAP:
            fail(f"near-duplicate ({o:.0%}): {a['_where']} ~ {b['_where']}: {a['text']!r} / {b['text']!r}")

rel = "hard-negatives.jsonl"
files[rel] = load(rel)
expect_counts(rel, files[rel], {"body": 120, "navigation": 30, "legal": 20})
body_langs = lang_counts([r for r in files[rel] if r["label"] == "body"])
if set(body_langs) != TRAIN_LANGS:
    fail(f"{rel}: body languages {dict(body_langs)}, expected {sorted(TRAIN_LANGS)}")
rel = "news-context.jsonl"
files[rel] = load(rel)
expect_counts(rel, files[rel], {"body": 60})
for r in files[rel]:
    n = len(re.findall(r"[.!?](\s|$)", r["text"]))
    if not 2 <= n <= 4:
        fail(f"{r['_where']}: {n} sentences, news context needs 2-4")

all_rows = [r for rows in files.values() for r in rows]
seen: dict[str, str] = {}
for r in all_rows:
    key = " ".join(r["text"].lower().split())
    if key in seen:
        fail(f"duplicate: {seen[key]} and {r['_where']}: {r['text']!r}")
    seen.setdefault(key, r["_where"])
    if URL.search(EMAIL.sub("", r["text"])):
        fail(f"{r['_where']}: looks like a URL: {r['text']!r}")
    for m in EMAIL.finditer(r["text"]):
        if not re.search(r"(^|\.)example(\.com)?$", m.group(0).split("@")[1]):
            fail(f"{r['_where']}: e-mail outside the reserved example domains: {m.group(0)}")

# Within one file every line must be its own wording, not a near copy of another.
for rel, rows in files.items():
    for a, b in itertools.combinations(rows, 2):
        o = overlap(a["text"], b["text"])
        if o > MAX_OVERLAP:
            fail(f"near-duplicate in {rel} ({o:.0%}): {a['_where']} ~ {b['_where']}: {a['text']!r} / {b['text']!r}")

# A negative that nearly repeats a positive would teach the model a contradiction.
positives = [r for r in all_rows if r["label"] in LABELS]
negatives = [r for r in all_rows if r["label"] not in LABELS]
for p, q in itertools.product(positives, negatives):
    o = overlap(p["text"], q["text"])
    if o > MAX_OVERLAP:
        fail(f"positive ~ negative ({o:.0%}): {p['_where']} ~ {q['_where']}: {p['text']!r} / {q['text']!r}")

for rel, rows in files.items():
    by_label = Counter(r["label"] for r in rows)
    print(f"{rel}: {len(rows)} lines {dict(by_label)} languages {dict(sorted(lang_counts(rows).items()))}")
if problems:
    print(f"\n{len(problems)} problem(s):")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("\nall checks passed")
