"""Draws a labelling set from nl-news-2022 that is meant to find what the theme rules miss (issue 17: measure
recall honestly before writing rules on it): 60 articles caught by a broad net of the themes' words and of the
paraphrases the rules are known to miss, and 20 drawn from all articles, none of them in the existing label sets.
Prints the pool sizes; writes id, title and text as JSON lines for the readers (the texts are never committed).

    /usr/bin/python3 jobs/labels/draw-recall-set.py ../shared/corpora/nl-news-2022.jsonl.gz /tmp/articles.jsonl
"""
import gzip, json, random, re, sys
corpus = sys.argv[1]; out = sys.argv[2]
seen = set()
for f in ["data/labels/news2022-dev.jsonl", "data/labels/news2022-holdout.jsonl"]:
    for line in open(f):
        seen.add(json.loads(line)["id"])
# The broad net: the themes' words and the paraphrases the rules are known to miss (issue 17).
NET = re.compile(r"sanctie|sanctio|boycot|embargo|invoerverbod|importverbod|exportverbod|olieverbod|prijsplafond|"
                 r"luchtruim|visum|visa\b|toerist.{0,80}rus|rus.{0,80}toerist|tegoeden|swift|"
                 r"navo|nato|bondgenootschap|toetred|lidmaatschap|minsk|normandi", re.I | re.S)
pool, net = [], []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        if a["id"] in seen:
            continue
        pool.append(a)
        if NET.search((a.get("title") or "") + "\n" + (a.get("text") or "")):
            net.append(a)
rng = random.Random(20261204)
picked = rng.sample(net, 60)
ids = {a["id"] for a in picked}
rest = [a for a in pool if a["id"] not in ids]
picked += rng.sample(rest, 20)
rng.shuffle(picked)
with open(out, "w", encoding="utf-8") as o:
    for a in picked:
        o.write(json.dumps({"id": a["id"], "title": a.get("title"), "text": a.get("text")}, ensure_ascii=False) + "\n")
print(len(pool), "in the pool,", len(net), "in the net; drew", len(picked))
