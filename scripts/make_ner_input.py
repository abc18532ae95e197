#!/usr/bin/env python3
"""Build eval_text input ({id, text, date} a line) from the shared development texts.

usage: make_ner_input.py OUT.jsonl [SHARED_DIR]   (default: ../shared relative to the repo root)

Texts: the GUM documents that officials-dev.gold.jsonl labels (doc id = gold id, date from
the gold), and the seed article (id "seed": its title, description and body, the text a page
gives the analysis). Development data only: the output is not committed.
"""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def seed_text(path):
    lines = [l.strip() for l in open(path, encoding='utf-8').read().split('\n')]
    paras = [l for l in lines if l]
    # Layout of the dump: URL line, title (twice), description, dates, keywords, body, ...
    title = paras[1]
    desc = paras[3]
    body = max(paras, key=len)
    return '\n\n'.join([title, desc, body])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, '..', 'shared')
    gold = [json.loads(l) for l in open(os.path.join(shared, 'ner', 'officials-dev.gold.jsonl'), encoding='utf-8') if l.strip()]
    dates = {g['id']: g.get('date') for g in gold}
    rows = []
    for line in open(os.path.join(shared, 'ner', 'gum', 'gum_train_dev.entities.jsonl'), encoding='utf-8'):
        d = json.loads(line)
        if d['doc'] in dates:
            rows.append({'id': d['doc'], 'text': d['text'], 'date': dates[d['doc']]})
    seed_gold = json.loads(open(os.path.join(shared, 'seed', 'officials.gold.jsonl'), encoding='utf-8').readline())
    rows.append({'id': 'seed', 'text': seed_text(os.path.join(shared, 'seed', '000_7d18bad190b6d370.txt')),
                 'date': seed_gold.get('date')})
    with open(out, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(rows)} texts -> {out}')


if __name__ == '__main__':
    main()
