"""Would a learned second stage pay (issue 17, item 5)? A check before building one into the job: a logistic
regression on TF-IDF that learns a theme from the rules' hits on the whole corpus (and, in the second part, from the
labelled sets too), whose confident scores then add hits the rules missed. Printed: the rules' scores on the labelled
sets alone and with the model's proposals at several thresholds; then each labelled article the rules miss, with the
model's probability. Each article is scored by a model that did not learn from it (five folds).

    # a label file with every id of the corpus at 0 for every theme, so that the listing names every rule hit:
    zcat CORPUS | python3 -c 'import json, sys; [print(json.dumps({"id": json.loads(l)["id"], "sanctions": 0,
        "nato_expansion": 0, "minsk_accords": 0})) for l in sys.stdin]' > ALL-ZERO.jsonl
    jobs/evaluate.sh ALL-ZERO.jsonl --input CORPUS > HITS.txt
    /usr/bin/python3 jobs/labels/second-stage-check.py CORPUS HITS.txt THEME data/labels/SET.jsonl ...  # python3-sklearn

README's figures: every English set (data/labels/en-ukraine-*.jsonl) against en-ukraine-2019-2022.jsonl.gz, every
Dutch one before news2022-test3 (data/labels/news2022-*.jsonl then) against nl-news-2022.jsonl.gz.

It is an estimate, not the job's own features: scikit-learn's TF-IDF of plain words stands in for the job's stemmed
terms and phrases, its logistic regression for MLlib's (README, "Evaluating themes against hand labels", has what it
printed).
"""
import gzip, json, re, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold

THRESHOLDS = (0.7, 0.8, 0.9, 0.95)
corpus, hits_file, theme, sets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ids, texts = [], []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        ids.append(a["id"])
        texts.append((a.get("title") or "") + "\n" + (a.get("text") or ""))
index = {d: i for i, d in enumerate(ids)}
hit = np.zeros(len(ids), dtype=int)
for line in open(hits_file):
    m = re.match(r"FALSE POSITIVE (\S+) (\S+) \(score", line)
    if m and m.group(1) == theme:
        hit[index[m.group(2)]] = 1
gold = {}
for s in sets:
    for line in open(s):
        r = json.loads(line)
        if theme in r:
            gold[r["id"]] = r[theme]
labelled = np.array([index[d] for d in gold])
truth = np.array(list(gold.values()))
X = TfidfVectorizer(min_df=5, max_df=0.5, max_features=20000, sublinear_tf=True).fit_transform(texts)


def model():
    return LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")


def line(name, predicted):
    tp = int(((predicted == 1) & (truth == 1)).sum())
    fp = int(((predicted == 1) & (truth == 0)).sum())
    fn = int(((predicted == 0) & (truth == 1)).sum())
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print("%-34s tp %4d fp %3d fn %3d   P %.3f R %.3f F1 %.3f" % (name, tp, fp, fn, p, r, 2 * p * r / max(p + r, 1e-9)))


print("%s: %d articles, %d rule hits; %d labelled, %d with it" % (theme, len(ids), hit.sum(), len(truth), truth.sum()))
line("rules", hit[labelled])
# 1. Learned from the rules' hits alone.
prob = np.zeros(len(ids))
for train, test in StratifiedKFold(5, shuffle=True, random_state=1).split(X, hit):
    prob[test] = model().fit(X[train], hit[train]).predict_proba(X[test])[:, 1]
for t in THRESHOLDS:
    line("rules + model of the hits, p >= %.2f" % t, hit[labelled] | (prob[labelled] >= t))
# 2. Also from the labelled sets' own labels, five times the weight of a rule's hit, folds over the labelled articles.
rest = np.setdiff1d(np.arange(len(ids)), labelled)
held = np.zeros(len(labelled))
for train, test in KFold(5, shuffle=True, random_state=1).split(labelled):
    rows = np.concatenate([rest, labelled[train]])
    weights = np.concatenate([np.ones(len(rest)), np.full(len(train), 5.0)])
    fitted = model().fit(X[rows], np.concatenate([hit[rest], truth[train]]), sample_weight=weights)
    held[test] = fitted.predict_proba(X[labelled[test]])[:, 1]
for t in THRESHOLDS:
    line("rules + model with labels, p >= %.2f" % t, hit[labelled] | (held >= t))
for k, i in enumerate(labelled):
    if truth[k] == 1 and hit[i] == 0:
        print("  missed by the rules: %s  p %.2f / %.2f  %s" % (ids[i], prob[i], held[k], texts[i][:70].replace("\n", " ")))
