# score_chars.py TRUTH.jsonl OUTPUT.jsonl: the shingle measure with each Chinese, Japanese or Korean character a token
# (other text in \w+ runs, as usual), for corpora in scripts written without spaces, where \w+ makes a whole sentence
# one token and one differing character loses it. OUTPUT holds one JSON object a line with "id" and "text", as
# `boilerplate clean DIR -f json` writes them. Prints F1 of the mean precision and recall over pages, the mean page F1
# and the pages under 0.5.
# Usage: boilerplate clean /tmp/unseen-zh/readability-pages/pages -f json > out.jsonl
#        python3 bench/unseen-words/score_chars.py /tmp/unseen-zh/readability-pages/truth.jsonl out.jsonl
import collections, json, re, sys
DENSE = '\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3'
TOKEN = re.compile('[' + DENSE + ']|[^\\W' + DENSE + ']+')
def shingles(text):
    t = TOKEN.findall(text.lower())
    if len(t) < 4:
        return collections.Counter([' '.join(t)] if t else [])
    return collections.Counter(' '.join(t[i:i + 4]) for i in range(len(t) - 3))
truth = {json.loads(l)['id']: json.loads(l)['articleBody'] for l in open(sys.argv[1], encoding='utf-8')}
pages = []
for line in open(sys.argv[2], encoding='utf-8'):
    row = json.loads(line)
    if row.get('id') not in truth:
        continue
    a, b = shingles(row.get('text') or ''), shingles(truth[row['id']])
    overlap = sum((a & b).values())
    p = overlap / sum(a.values()) if a else 0.0
    r = overlap / sum(b.values()) if b else 0.0
    pages.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
if not pages:
    sys.exit('no page of OUTPUT is in TRUTH')
mp = sum(x[0] for x in pages) / len(pages)
mr = sum(x[1] for x in pages) / len(pages)
print('pages %d  F1 %.4f  P %.4f  R %.4f  mean page F1 %.4f  lost %d' % (
    len(pages), 2 * mp * mr / (mp + mr) if mp + mr else 0, mp, mr, sum(x[2] for x in pages) / len(pages), sum(x[2] < 0.5 for x in pages)))
