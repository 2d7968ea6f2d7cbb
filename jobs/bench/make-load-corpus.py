#!/usr/bin/env python3
"""Makes a load-test corpus: COPIES copies of a JSON-lines corpus with new ids and dates (copy k moves every date k
years back), written as one gzip JSON-lines file. Only the standard library, so it runs wherever python3 does.

    jobs/bench/make-load-corpus.py ../shared/corpora/nl-news-2022.jsonl.gz /tmp/load-200k.jsonl.gz 10
"""
import gzip
import hashlib
import json
import sys


def main(source, target, copies):
    articles = [json.loads(line) for line in gzip.open(source, "rt", encoding="utf-8")]
    written = 0
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=6) as out:
        for k in range(copies):
            for a in articles:
                year = int(a["date"][:4]) - k
                row = dict(a)
                row["id"] = hashlib.sha256(f"{a['id']}/{k}".encode()).hexdigest()[:16]
                row["date"] = f"{year:04d}{a['date'][4:]}"
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
    print(f"{written} articles written to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
