#!/usr/bin/env python3
"""Document-level NPMI of topics' top words over a corpus, as the topics issue defines it: with P(w) the share of
documents that contain w (a lower-cased surface word of title and text) and P(a,b) the share that contain both,
NPMI(a,b) = log(P(a,b) / (P(a) P(b))) / -log P(a,b), and -1 where they never meet; a topic scores the mean over all
pairs of its top 10 words. A term counts as present when every word in it is: a phrase such as "verenigde staten",
and a token the job keeps whole such as "nrc.nl" (here the words "nrc" and "nl").

    npmi.py CORPUS.jsonl.gz TOPICS.json   (TOPICS.json: {"name": [[w1, ..., w10], ...], ...})
"""
import gzip
import itertools
import json
import math
import re
import sys

WORD = re.compile(r"\w+", re.UNICODE)


def main(corpus, topics_file):
    models = json.load(open(topics_file, encoding="utf-8"))
    wanted = {w for topics in models.values() for t in topics for term in t for w in WORD.findall(term.lower())}
    docs = []
    for line in gzip.open(corpus, "rt", encoding="utf-8"):
        a = json.loads(line)
        words = set(WORD.findall(((a.get("title") or "") + " " + (a.get("text") or "")).lower()))
        docs.append(words & wanted)
    n = len(docs)

    def present(doc, term):
        return all(w in doc for w in WORD.findall(term.lower()))

    result = {}
    for name, topics in models.items():
        scores = []
        for topic in topics:
            top = topic[:10]
            df = {w: sum(1 for d in docs if present(d, w)) for w in top}
            pairs = []
            for a, b in itertools.combinations(top, 2):
                both = sum(1 for d in docs if present(d, a) and present(d, b))
                if both == 0 or df[a] == 0 or df[b] == 0:
                    pairs.append(-1.0)
                    continue
                pab, pa, pb = both / n, df[a] / n, df[b] / n
                pairs.append(1.0 if pab == 1 else math.log(pab / (pa * pb)) / -math.log(pab))
            scores.append(sum(pairs) / len(pairs))
        result[name] = {"mean_npmi": round(sum(scores) / len(scores), 3), "per_topic": [round(s, 3) for s in scores]}
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
