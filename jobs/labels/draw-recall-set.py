"""Draws a labelling set that is meant to find what the theme rules miss (issue 17: measure recall honestly before
writing rules on it): articles caught by a broad net of the themes' words and of the paraphrases the rules are known
to miss, plus articles drawn from all, none of them in the label sets given to leave out. Prints the pool sizes;
writes id, title and text as JSON lines for the readers (the texts are never committed).

    draw-recall-set.py CORPUS OUT NET N_NET N_RANDOM SEED [LABELS.jsonl ...]
    NET: nl (every theme, Dutch), nl-nato (NATO enlargement only, Dutch), en (every theme, English)

The sets in data/labels/ were drawn so (README, "Evaluating themes against hand labels"):
    news2022-recall:        ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261204  news2022-dev news2022-holdout
    news2022-recall-nato:   ../shared/corpora/nl-news-2022.jsonl.gz  nl-nato  40  0 20261205  the three above
    en-ukraine-recall:      ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261206  en-ukraine-minsk
    news2022-test:          ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261207  the four Dutch sets above
    en-ukraine-test:        ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261207  the two English sets above
    en-ukraine-test2:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261208  the three English sets above
    en-ukraine-test3:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261209  the four English sets above
    en-ukraine-test4:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261210  the five English sets above
    en-ukraine-test5:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261211  the six English sets above
    en-ukraine-test6:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261212  the seven English sets above
    en-ukraine-test7:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261213  the eight English sets above
    en-ukraine-test8:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261214  the nine English sets above
    news2022-test2:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261214  the five Dutch sets above
    news2022-test3:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261215  the six Dutch sets above
    news2022-test4:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261216  the seven Dutch sets above
    news2022-test5:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261217  the eight Dutch sets above
    en-ukraine-test9:       ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261217  the ten English sets above
    news2022-test6:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261218  the nine Dutch sets above
    en-ukraine-test10:      ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261218  the eleven English sets above
    news2022-test7:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261219  the ten Dutch sets above
    en-ukraine-test11:      ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261219  the twelve English sets above
    news2022-test8:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261220  the eleven Dutch sets above
    en-ukraine-test12:      ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261220  the thirteen English sets above
    news2022-test9:         ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261221  the twelve Dutch sets above
    en-ukraine-test13:      ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261221  the fourteen English sets above
    news2022-test10:        ../shared/corpora/nl-news-2022.jsonl.gz  nl       60 20 20261222  the thirteen Dutch sets above
    en-ukraine-test14:      ../shared/corpora/en-ukraine-2019-2022.jsonl.gz  en  60 20 20261222  the fifteen English sets above
"""
import gzip, json, random, re, sys

NETS = {
    "nl": r"sanctie|sanctio|boycot|embargo|invoerverbod|importverbod|exportverbod|olieverbod|prijsplafond|"
          r"luchtruim|visum|visa\b|toerist.{0,80}rus|rus.{0,80}toerist|tegoeden|swift|"
          r"navo|nato|bondgenootschap|toetred|lidmaatschap|minsk|normandi",
    "nl-nato": r"navo|nato|bondgenootschap|toetred|lidmaatschap",
    "en": r"sanction|boycott|embargo|import ban|export ban|price cap|airspace|visa|frozen|freez|swift|blacklist|"
          r"nato|alliance|accession|membership|join|minsk|normandy",
}

corpus, out, net_name, n_net, n_random, seed = sys.argv[1:7]
leave_out = set()
for f in sys.argv[7:]:
    for line in open(f):
        leave_out.add(json.loads(line)["id"])
net_pattern = re.compile(NETS[net_name], re.I | re.S)
pool, net = [], []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        if a["id"] in leave_out:
            continue
        pool.append(a)
        if net_pattern.search((a.get("title") or "") + "\n" + (a.get("text") or "")):
            net.append(a)
rng = random.Random(int(seed))
picked = rng.sample(net, int(n_net))
ids = {a["id"] for a in picked}
picked += rng.sample([a for a in pool if a["id"] not in ids], int(n_random))
rng.shuffle(picked)
with open(out, "w", encoding="utf-8") as o:
    for a in picked:
        o.write(json.dumps({"id": a["id"], "title": a.get("title"), "text": a.get("text")}, ensure_ascii=False) + "\n")
print(len(pool), "in the pool,", len(net), "in the net; drew", len(picked))
