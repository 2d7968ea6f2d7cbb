#!/usr/bin/env python3
"""Makes a load-test corpus of distinct articles: COPIES versions of a JSON-lines corpus, written as one gzip JSON-lines
file. Version 0 is the corpus as it is. Version k (k >= 1) of an article has a new id, its date k years back, and every
other sentence (which ones alternates with k) taken in turn from other articles of the same month, as many as it gives
away, so that versions are not near-copies of each other: two versions of an article share about a third of their
shingles (in 400 sampled articles of nl-news-2022, one had two versions at a Jaccard similarity of 0.64, every other
pair was below 0.6), and each one still reads as news of its month. (Taking the other half from one article only, a
long article mixed with a short one kept most of its own sentences, and its versions were near-copies of each other:
27,141 of the 206,640 articles of nl-news-2022 ten times.) Only the standard library, so it runs wherever python3 does.

    jobs/bench/make-load-corpus.py ../shared/corpora/nl-news-2022.jsonl.gz /tmp/load-200k.jsonl.gz 10
"""
import gzip
import hashlib
import json
import re
import sys
from collections import defaultdict

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text):
    return [s for s in SENTENCE_END.split(text or "") if s]


def mixed(own, borrowed, k):
    """Sentence i from own where (i + k) is even, else the next of borrowed (own's, where borrowed runs out)."""
    taken = iter(borrowed)
    return " ".join(own[i] if (i + k) % 2 == 0 else next(taken, own[i]) for i in range(len(own)))


def borrowed_sentences(split, month, start, own, needed):
    """The sentences of the month's articles from position start on (own excepted), until there are needed of them."""
    taken = []
    for j in range(len(month)):
        other = month[(start + j) % len(month)]
        if other != own:
            taken.extend(split[other][:needed - len(taken)])
            if len(taken) >= needed:
                break
    return taken


def main(source, target, copies):
    articles = [json.loads(line) for line in gzip.open(source, "rt", encoding="utf-8")]
    by_month = defaultdict(list)
    position = []
    for i, a in enumerate(articles):
        month = by_month[str(a.get("date", ""))[:7]]
        position.append(len(month))
        month.append(i)
    split = [sentences(a.get("text")) for a in articles]
    written = 0
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=6) as out:
        for k in range(copies):
            for i, a in enumerate(articles):
                row = dict(a)
                if k > 0:
                    month, start = by_month[str(a.get("date", ""))[:7]], position[i] + 7919 * k
                    if len(month) == 1:  # alone in its month: any other articles
                        month, start = range(len(articles)), i + 7919 * k
                    borrowed = borrowed_sentences(split, month, start, i, (len(split[i]) + 1) // 2)
                    row["id"] = hashlib.sha256(f"{a['id']}/{k}".encode()).hexdigest()[:16]
                    row["date"] = f"{int(a['date'][:4]) - k:04d}{a['date'][4:]}"
                    row["text"] = mixed(split[i], borrowed, k)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
    print(f"{written} articles written to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
