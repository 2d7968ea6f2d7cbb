#!/usr/bin/env python3
"""The peer the benchmark compares against: gensim's LdaMulticore on the same corpus, as a user would run it.

Reads a gzip JSON-lines corpus, tokenizes (lower-cased regex words, Spark's Dutch stopwords, no numbers, no one-letter
words), keeps a vocabulary of at most 20,000 words seen in at least 5 and at most half of the documents, and fits
LdaMulticore (2 workers, K topics, one pass). Prints one JSON object: seconds for read+tokenize and for the fit, and
the top 10 words of each topic.

    gensim_peer.py CORPUS.jsonl.gz STOPWORDS.txt K SEED
"""
import gzip
import json
import re
import sys
import time

from gensim.corpora import Dictionary
from gensim.models import LdaMulticore

WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def main(corpus, stopwords_file, k, seed):
    stop = {w.strip() for w in open(stopwords_file, encoding="utf-8") if w.strip()}
    start = time.time()
    docs = []
    for line in gzip.open(corpus, "rt", encoding="utf-8"):
        a = json.loads(line)
        text = ((a.get("title") or "") + "\n\n" + (a.get("text") or "")).lower()
        docs.append([w for w in WORD.findall(text) if w not in stop])
    read = time.time() - start
    dictionary = Dictionary(docs)
    dictionary.filter_extremes(no_below=5, no_above=0.5, keep_n=20000)
    bows = [dictionary.doc2bow(d) for d in docs]
    model = LdaMulticore(bows, id2word=dictionary, num_topics=k, passes=1, workers=2, random_state=seed)
    total = time.time() - start
    topics = [[w for w, _ in model.show_topic(t, topn=10)] for t in range(k)]
    print(json.dumps({"documents": len(docs), "read_tokenize_seconds": round(read, 1),
                      "total_seconds": round(total, 1), "topics": topics}, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
